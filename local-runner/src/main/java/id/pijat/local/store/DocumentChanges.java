package id.pijat.local.store;

/**
 * Hears every document the store writes, after the write: what Appwrite's Realtime is told of each
 * create, update and delete.
 */
@FunctionalInterface
public interface DocumentChanges {
  /** What happened to a document, in Appwrite's words for its events. */
  enum Change {
    CREATE, UPDATE, DELETE;

    public String event() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param document as it is after the write; for a delete, as it was
   */
  void changed(String collection, Change change, StoredDocument document);

  /** Whether anyone listens at all: the store reads nothing back for a listener that does not. */
  default boolean listening() {
    return true;
  }

  DocumentChanges NONE = new DocumentChanges() {
    @Override
    public void changed(String collection, Change change, StoredDocument document) {}

    @Override
    public boolean listening() {
      return false;
    }
  };
}
