package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.booking.Bookings;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createBooking as Appwrite's runtime calls it: Main.main with a RuntimeContext. */
class CreateBookingMainTest {
  private static final String BODY =
      "{\"serviceDuration\":\"60\",\"price\":1,\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812 3456 7890\"}}";
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();

  @BeforeEach
  void useInMemoryBackend() {
    Backends.install(request -> new Backend(store, MutableClock.at("2026-11-21T10:00:00Z"), Settings.from(Map.of())));
  }

  private RuntimeOutput call(String body, Map<String, String> headers) throws Exception {
    return new Main().main(RuntimeCalls.post(body, headers));
  }

  @Test
  void answers201WithTheBookingAtTheServersPrice() throws Exception {
    RuntimeOutput output = call(BODY, Map.of("x-appwrite-user-id", "u1"));

    assertEquals(201, output.getStatusCode());
    assertEquals("application/json", output.getHeaders().get("content-type"));
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("searching", data.get("status").getAsString());
    assertEquals(200_000, data.get("price").getAsLong());
    assertEquals("IDR", data.get("currency").getAsString());
    assertEquals("u1", data.get("userId").getAsString());
    assertFalse(data.has("bookingToken"));
  }

  @Test
  void aBodyUserIdThatIsNotTheCallerIsDenied() throws Exception {
    RuntimeOutput output = call(BODY.replace("{\"serviceDuration\"", "{\"userId\":\"u2\",\"serviceDuration\""),
        Map.of("x-appwrite-user-id", "u1"));

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void badInputAnswers400NamingTheFieldAndWritesNothing() throws Exception {
    RuntimeOutput output = call(BODY.replace("0812 3456 7890", "12345"), Map.of());

    assertEquals(400, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("INVALID_INPUT", error.get("code").getAsString());
    assertEquals("customerDetails.whatsapp", error.getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
    assertTrue(store.list(Bookings.COLLECTION, List.of(Query.limit(100))).isEmpty());
  }

  @Test
  void anIdempotencyHeaderMakesARetryAnswerTheSameBooking() throws Exception {
    Map<String, String> headers = Map.of("x-idempotency-key", "retry-me-5c1f0a9e-77b2");
    JsonObject first = RuntimeCalls.json(call(BODY, headers)).getAsJsonObject("data");
    JsonObject second = RuntimeCalls.json(call(BODY, headers)).getAsJsonObject("data");

    assertEquals(first.get("id"), second.get("id"));
    assertEquals(first.get("bookingToken"), second.get("bookingToken"));
  }

  @Test
  void aDefectAnswers500WithoutInternals() throws Exception {
    Backends.install(request -> {
      throw new IllegalStateException("secret connection string");
    });

    RuntimeOutput output = call(BODY, Map.of());

    assertEquals(500, output.getStatusCode());
    String body = new String(output.getBody());
    assertFalse(body.contains("secret"));
    assertFalse(body.contains("IllegalStateException"));
  }
}
