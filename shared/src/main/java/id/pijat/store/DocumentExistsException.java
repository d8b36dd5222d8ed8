package id.pijat.store;

/** create() found the ID taken: somebody else got there first (Appwrite's 409 document_already_exists). */
public final class DocumentExistsException extends StoreException {
  public DocumentExistsException(String collection, String id) {
    super(collection + "/" + id + " already exists", null);
  }
}
