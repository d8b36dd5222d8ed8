package id.pijat.local;

import id.pijat.local.project.AppwriteProject.CollectionAccess;
import java.util.List;
import java.util.Set;

/**
 * Who may read a document, as Appwrite decides it for a client, in one place for the Databases API
 * and Realtime: a role in the collection's permissions reads every document; with document security
 * on, a document is read by the roles its own read permissions name; no one else reads it.
 */
final class ReadRule {
  private ReadRule() {}

  static boolean readsWholeCollection(CollectionAccess access, Set<String> roles) {
    return roles.stream().anyMatch(role -> access.permissions().contains(read(role)));
  }

  /** @param documentPermissions the document's $permissions, e.g. read("user:alice") */
  static boolean mayRead(CollectionAccess access, Set<String> roles, List<String> documentPermissions) {
    return readsWholeCollection(access, roles)
        || (access.documentSecurity() && roles.stream().anyMatch(role -> documentPermissions.contains(read(role))));
  }

  private static String read(String role) {
    return "read(\"" + role + "\")";
  }
}
