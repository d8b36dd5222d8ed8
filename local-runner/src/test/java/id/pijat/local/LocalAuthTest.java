package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAuthTest {
  private final LocalAuth auth = new LocalAuth("server-secret");

  private static Headers headers(String name, String value) {
    Headers headers = new Headers();
    headers.add(name, value);
    return headers;
  }

  @Test
  void theApiKeyMakesAServerCallThatMayExecuteAnything() {
    LocalAuth.Identity server = auth.identify(headers("X-Appwrite-Key", "server-secret"));

    assertTrue(server.mayExecute(List.of()));
  }

  @Test
  void aWrongKeyIsAGuest() {
    LocalAuth.Identity guest = auth.identify(headers("X-Appwrite-Key", "guess"));

    assertFalse(guest.mayExecute(List.of()));
    assertNull(guest.userId());
  }

  @Test
  void theLocalJwtSignsInAUserWhoMayExecuteUserFunctions() {
    LocalAuth.Identity alice = auth.identify(headers("X-Appwrite-JWT", "local:alice"));

    assertEquals("alice", alice.userId());
    assertTrue(alice.mayExecute(List.of("users")));
    assertFalse(alice.mayExecute(List.of("guests")));
  }

  @Test
  void guestsExecuteOnlyWhatGuestsMay() {
    LocalAuth.Identity guest = auth.identify(new Headers());

    assertTrue(guest.mayExecute(List.of("guests", "users")));
    assertFalse(guest.mayExecute(List.of()), "a scheduled-only function is not for clients");
  }
}
