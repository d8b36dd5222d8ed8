package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
  void aWrongKeyIsRefusedAsAppwriteRefusesIt() {
    AppwriteError refused = assertThrows(AppwriteError.class, () -> auth.identify(headers("X-Appwrite-Key", "guess")));

    assertEquals(401, refused.status());
    assertEquals("user_unauthorized", refused.type());
  }

  @Test
  void aKeyIsRefusedWhenTheRunnerHasNone() {
    LocalAuth keyless = new LocalAuth(null);

    assertEquals("user_unauthorized",
        assertThrows(AppwriteError.class, () -> keyless.identify(headers("X-Appwrite-Key", "anything"))).type());
  }

  @Test
  void aJwtThatIsNotALocalOneIsRefusedNotTurnedIntoAGuest() {
    AppwriteError refused = assertThrows(AppwriteError.class, () -> auth.identify(headers("X-Appwrite-JWT", "eyJhbGciOi.x.y")));

    assertEquals(401, refused.status());
    assertEquals("user_jwt_invalid", refused.type());
    assertTrue(refused.getMessage().startsWith("Failed to verify JWT."));
  }

  @Test
  void theLocalJwtSignsInAUserWhoMayExecuteUserFunctions() {
    LocalAuth.Identity alice = auth.identify(headers("X-Appwrite-JWT", "local:alice"));

    assertEquals("alice", alice.userId());
    assertEquals("local:alice", alice.jwt());
    assertTrue(alice.mayExecute(List.of("users")));
    assertFalse(alice.mayExecute(List.of("guests")));
  }

  @Test
  void guestsExecuteOnlyWhatGuestsMay() {
    LocalAuth.Identity guest = auth.identify(new Headers());

    assertNull(guest.userId());
    assertTrue(guest.mayExecute(List.of("guests", "users")));
    assertFalse(guest.mayExecute(List.of()), "a scheduled-only function is not for clients");
  }

  @Test
  void theLocalSessionSignsInAsTheJwtDoesSoOneSdkCallServesTheFunctionsAndRealtime() {
    LocalAuth.Identity alice = auth.identify(headers("X-Appwrite-Session", "local:alice"));

    assertEquals("alice", alice.userId());
    assertEquals(401, assertThrows(AppwriteError.class, () -> auth.identify(headers("X-Appwrite-Session", "alice"))).status());
  }
}
