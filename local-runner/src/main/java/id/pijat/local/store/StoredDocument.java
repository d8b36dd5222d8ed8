package id.pijat.local.store;

import java.util.List;
import java.util.Map;

/**
 * A document as Appwrite's Databases API answers it: the system attributes with the collection's.
 *
 * @param permissions as Appwrite writes them, e.g. read("user:alice")
 * @param data every attribute of the collection (null where unset), or the selected ones
 */
public record StoredDocument(String id, String createdAt, String updatedAt, List<String> permissions, Map<String, Object> data) {

  /** A page of a list: the readable documents matching the filters, and this page of them. */
  public record Page(long total, List<StoredDocument> documents) {}
}
