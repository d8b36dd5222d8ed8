package id.pijat.store;

/** update() or delete() named a document that is not there (Appwrite's 404 document_not_found). */
public final class DocumentNotFoundException extends StoreException {
  public DocumentNotFoundException(String collection, String id) {
    super(collection + "/" + id + " not found", null);
  }
}
