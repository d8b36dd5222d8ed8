package id.pijat.local.store;

import java.util.Set;

/**
 * Who reads through the Databases API: every document (a server key, or a role the collection's own
 * permissions name), or those whose permissions grant read to one of the roles held.
 *
 * @param roles Appwrite's roles, e.g. any, users, user:alice, guests
 */
public record Reader(boolean all, Set<String> roles) {

  public static Reader everyDocument() {
    return new Reader(true, Set.of());
  }

  public static Reader holding(Set<String> roles) {
    return new Reader(false, Set.copyOf(roles));
  }
}
