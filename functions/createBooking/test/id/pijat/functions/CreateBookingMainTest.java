package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.fairuse.FairUsePolicy;
import id.pijat.fairuse.Limit;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** createBooking as Appwrite's runtime calls it: Main.main with a RuntimeContext. */
class CreateBookingMainTest {
  private static final String BODY =
      "{\"serviceDuration\":\"60\",\"price\":1,\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812 3456 7890\"}}";
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private Main main = new Main(Backends.of(new Backend(store, clock, Settings.from(Map.of()))));

  private RuntimeOutput call(String body, Map<String, String> headers) throws Exception {
    return main.main(RuntimeCalls.post(body, headers));
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

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }

  @Test
  void anAccountWhoseIdNamesAGuestBooksNothing() throws Exception {
    // the ID a guest's chat gives its customer: as a user it would take over that guest's session with the therapist
    RuntimeOutput output = call(BODY, Map.of("x-appwrite-user-id", "guest-k3v9x0mq2w8r4t6y1u5i"));

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
    assertTrue(nothingWritten());
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
  void aRepeatedKeyIs400NamingItAndBooksNothing() throws Exception {
    RuntimeOutput output = call(BODY.replace("{\"serviceDuration\":\"60\"", "{\"serviceDuration\":\"60\",\"serviceDuration\":\"90\""), Map.of());

    assertEquals(400, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("INVALID_INPUT", error.get("code").getAsString());
    assertEquals("serviceDuration", error.getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
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
  void badInputIsAnsweredBeforeAnyBackendIsBuilt() throws Exception {
    main = new Main(request -> {
      throw new AssertionError("a backend was built for a request refused for its input");
    });

    RuntimeOutput output = call(BODY.replace("0812 3456 7890", "12345"), Map.of());

    assertEquals(400, output.getStatusCode());
    assertEquals("customerDetails.whatsapp", field(output));
  }

  @Test
  void aDefectAnswers500WithoutInternals() throws Exception {
    main = new Main(request -> {
      throw new IllegalStateException("secret connection string");
    });

    RuntimeOutput output = call(BODY, Map.of());

    assertEquals(500, output.getStatusCode());
    String body = new String(output.getBody());
    assertFalse(body.contains("secret"));
    assertFalse(body.contains("IllegalStateException"));
  }

  private static String field(RuntimeOutput output) {
    return RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString();
  }

  private boolean nothingWritten() {
    return store.list(Bookings.COLLECTION, List.of(Query.limit(100))).isEmpty()
        && store.list(IdempotencyRecords.COLLECTION, List.of(Query.limit(100))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e100000", "-1e100000", "1e-100000", "1e400"})
  void aNumberNoFieldCanHoldIs400NamingTheField(String literal) throws Exception {
    RuntimeOutput output = call(BODY.replace("\"serviceDuration\":\"60\"", "\"serviceDuration\":" + literal), Map.of());

    assertEquals(400, output.getStatusCode());
    assertEquals("serviceDuration", field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void aCoordinateNoDoubleHoldsIs400NamingTheField() throws Exception {
    RuntimeOutput output = call(BODY.replace("\"lat\":-8.68", "\"lat\":1e100000"), Map.of());

    assertEquals(400, output.getStatusCode());
    assertEquals("location.coordinates.lat", field(output));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "\u202Egnp.exe                   | customerDetails.name",
    "\u200B\u200B\u200B                | customerDetails.name",
    "Bu\\u0000di                        | customerDetails.name",
    "Bu\\u0007di                        | customerDetails.name",
    "\u3164\u3164\u3164                | customerDetails.name",
  })
  void controlsBidiOverridesAndInvisibleNamesAreRefusedNamingTheField(String name, String field) throws Exception {
    RuntimeOutput output = call(BODY.replace("\"name\":\"Budi\"", "\"name\":\"" + name + "\""), Map.of());

    assertEquals(400, output.getStatusCode());
    assertEquals(field, field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void aNameOf51EmojiAndAnAddressOf251EmojiAreWithinTheirLimits() throws Exception {
    String emoji = "\uD83D\uDE00";
    RuntimeOutput output = call(BODY.replace("\"name\":\"Budi\"", "\"name\":\"" + emoji.repeat(51) + "\"")
        .replace("Jl. Sunset Road 88", emoji.repeat(251)), Map.of());

    assertEquals(201, output.getStatusCode(), new String(output.getBody()));
  }

  @Test
  void aNameOf101EmojiIsTooLong() throws Exception {
    RuntimeOutput output = call(BODY.replace("\"name\":\"Budi\"", "\"name\":\"" + "\uD83D\uDE00".repeat(101) + "\""), Map.of());

    assertEquals(400, output.getStatusCode());
    assertEquals("customerDetails.name", field(output));
  }

  @ParameterizedTest(name = "method \"{0}\"")
  @ValueSource(strings = {"GET", "PUT", "DELETE", "BREW", ""})
  void onlyPostCreatesAndAnyOtherMethodIs400NamingTheMethod(String method) throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.request(method, "/", BODY, Map.of(), new RuntimeLogger()));

    assertEquals(400, output.getStatusCode());
    assertEquals("method", field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void aPathOtherThanTheRootIs400NamingThePath() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.request("POST", "/admin/bookings", BODY, Map.of(), new RuntimeLogger()));

    assertEquals(400, output.getStatusCode());
    assertEquals("path", field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void anIdempotencyKeyTooShortToBeSecretIsRefusedNamingTheField() throws Exception {
    RuntimeOutput output = call(BODY, Map.of("x-idempotency-key", "a"));

    assertEquals(400, output.getStatusCode());
    assertEquals("idempotencyKey", field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void aBodyKeyThatDiffersFromTheHeaderKeyIsRefusedNamingTheField() throws Exception {
    String body = BODY.replace("{\"serviceDuration\"", "{\"idempotencyKey\":\"body-key-5c1f0a9e-77b2\",\"serviceDuration\"");

    RuntimeOutput output = call(body, Map.of("x-idempotency-key", "header-key-5c1f0a9e-77b2"));

    assertEquals(400, output.getStatusCode());
    assertEquals("idempotencyKey", field(output));
    assertTrue(nothingWritten());
  }

  @Test
  void theSameKeyInTheBodyAndTheHeaderIsOneKey() throws Exception {
    String key = "same-key-5c1f0a9e-77b2";
    String body = BODY.replace("{\"serviceDuration\"", "{\"idempotencyKey\":\"" + key + "\",\"serviceDuration\"");
    JsonObject first = RuntimeCalls.json(call(body, Map.of("x-idempotency-key", key))).getAsJsonObject("data");

    JsonObject retry = RuntimeCalls.json(call(BODY, Map.of("x-idempotency-key", key))).getAsJsonObject("data");

    assertEquals(first.get("id"), retry.get("id"));
  }

  @Test
  void aStrangerSendingTheSameBodyWithAGuestsKeyDoesNotGetTheGuestsBooking() throws Exception {
    String key = "a-guest-key-0000";
    JsonObject victim = RuntimeCalls.json(call(BODY, Map.of("x-idempotency-key", key))).getAsJsonObject("data");
    String strangersBody = BODY.replace("0812 3456 7890", "0813 9999 0000");

    JsonObject stranger = RuntimeCalls.json(call(strangersBody, Map.of("x-idempotency-key", key))).getAsJsonObject("data");

    assertNotEquals(victim.get("id"), stranger.get("id"));
    assertNotEquals(victim.get("bookingToken"), stranger.get("bookingToken"));
  }

  @Test
  void aCreateRefusedAfterItsKeyWasClaimedLeavesTheKeyFreeForTheRetry() throws Exception {
    String key = "retry-after-refusal-01";
    for (int n = 0; n < FairUsePolicy.DEFAULT_MAX_OPEN_BOOKINGS; n++) {
      call(BODY, Map.of());
    }
    RuntimeOutput refused = call(BODY, Map.of("x-idempotency-key", key));
    assertEquals(409, refused.getStatusCode());
    cancelAll();

    RuntimeOutput retried = call(BODY.replace("\"60\"", "\"90\""), Map.of("x-idempotency-key", key));

    assertEquals(201, retried.getStatusCode(), new String(retried.getBody()));
  }

  private void cancelAll() {
    for (var document : store.list(Bookings.COLLECTION, List.of(Query.limit(100)))) {
      store.update(Bookings.COLLECTION, document.id(), Map.of("status", "cancelled"));
    }
  }

  @Test
  void aThirdOpenBookingOfOneNumberIsRefusedAndWritesNothing() throws Exception {
    call(BODY, Map.of());
    call(BODY, Map.of());

    RuntimeOutput third = call(BODY, Map.of());

    assertEquals(409, third.getStatusCode());
    assertEquals("INVALID_STATE", RuntimeCalls.json(third).getAsJsonObject("error").get("code").getAsString());
    assertEquals(2, store.list(Bookings.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void tooManyBookingsForOneNumberAre429WithWhenToRetry() throws Exception {
    RuntimeOutput output = null;
    for (int n = 0; n <= FairUsePolicy.DEFAULT_RATES.get(Limit.CREATES_PER_CUSTOMER).count(); n++) {
      output = call(BODY, Map.of());
      cancelAll();
    }

    assertEquals(429, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("RATE_LIMITED", error.get("code").getAsString());
    long retryAfter = error.getAsJsonObject("details").get("retryAfter").getAsLong();
    // the sliding count frees a place once enough of the window's requests have slid out: after its end, within another window
    long per = FairUsePolicy.DEFAULT_RATES.get(Limit.CREATES_PER_CUSTOMER).per().toSeconds();
    assertTrue(retryAfter > 0 && retryAfter <= 2 * per, "retryAfter " + retryAfter);
    assertEquals(Long.toString(retryAfter), output.getHeaders().get("retry-after"));
    assertEquals(clock.instant().plusSeconds(retryAfter).toString(), error.getAsJsonObject("details").get("retryAt").getAsString().replaceAll("\\.\\d+Z", "Z"));
  }

  @Test
  void tenNumbersFromOneAddressAreLimitedByTheAddress() throws Exception {
    int limit = FairUsePolicy.DEFAULT_RATES.get(Limit.CREATES_PER_ADDRESS).count();
    int created = 0;
    RuntimeOutput output = null;
    for (int n = 0; n <= limit; n++) {
      output = call(BODY.replace("0812 3456 7890", String.format("0812 3456 %04d", n)), Map.of("x-appwrite-client-ip", "203.0.113.7"));
      created += output.getStatusCode() == 201 ? 1 : 0;
    }

    assertEquals(limit, created);
    assertEquals(429, output.getStatusCode());
    assertEquals(201, call(BODY.replace("0812 3456 7890", "0812 3456 9999"), Map.of("x-appwrite-client-ip", "198.51.100.20")).getStatusCode(),
        "another address is not limited");
  }
}
