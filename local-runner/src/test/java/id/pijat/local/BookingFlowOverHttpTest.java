package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.chat.Chats;
import id.pijat.store.Document;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat window's flow (the README's "The booking flow, as the chat window drives it") through
 * the runner over HTTP, on the demo therapists around Denpasar: Confirm & Search, the offer card,
 * Find Another, Accept, Cancel. The runner's clock is the test's, so offer windows pass without
 * waiting.
 */
class BookingFlowOverHttpTest {
  private static final String BOOKING = RunnerClient.BOOKING_IN_DENPASAR;

  /** Monday 11:00 in Bali (WITA). */
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;

  @BeforeEach
  void start() throws Exception {
    // one customer holds a booking in every open stage at once here, more than fair use allows
    runner = RunnerClient.freshRunner(Map.of("FAIR_USE", "off"), clock);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  /** One function's answer: its status code and envelope. */
  private record Answer(int status, JsonObject envelope) {
    JsonObject data() {
      return envelope.getAsJsonObject("data");
    }

    String errorCode() {
      return envelope.getAsJsonObject("error").get("code").getAsString();
    }
  }

  private Answer call(String functionId, String body, String jwt) throws Exception {
    JsonObject execution = new RunnerClient(runner).execute(functionId, body, jwt == null ? Map.of() : Map.of("X-Appwrite-JWT", jwt));
    return new Answer(execution.get("responseStatusCode").getAsInt(), RunnerClient.envelope(execution));
  }

  /** A guest's booking: its ID and the token the guest shows on every call. */
  private record GuestBooking(String id, String token) {
    String with(String fields) {
      return "{\"bookingId\":\"" + id + "\",\"bookingToken\":\"" + token + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }
  }

  private GuestBooking book() throws Exception {
    JsonObject data = call("createBooking", BOOKING, null).data();
    return new GuestBooking(data.get("id").getAsString(), data.get("bookingToken").getAsString());
  }

  private static String therapistOf(Answer search) {
    return search.data().getAsJsonObject("therapist").get("id").getAsString();
  }

  @Test
  void searchPollFindAnotherAcceptOpensTheChat() throws Exception {
    GuestBooking booking = book();

    Answer offer = call("searchTherapists", booking.with(""), null);
    clock.advance(Duration.ofSeconds(10));
    Answer poll = call("searchTherapists", booking.with("\"searchId\":\"" + offer.data().get("searchId").getAsString() + "\""), null);
    Answer another = call("searchTherapists", booking.with("\"declineCurrent\":true"), null);
    Answer accepted = call("acceptTherapist", booking.with("\"therapistId\":\"" + therapistOf(another) + "\""), null);

    assertEquals(200, offer.status());
    assertEquals("pending_accept", offer.data().get("status").getAsString());
    assertEquals("2026-11-23T03:01:00Z", offer.data().get("offerExpiresAt").getAsString());
    assertEquals(offer.data(), poll.data(), "polling returns the same offer");
    assertNotEquals(therapistOf(offer), therapistOf(another));
    assertEquals(2, another.data().get("attempt").getAsInt());
    assertEquals(200, accepted.status());
    JsonObject active = accepted.data();
    assertEquals("active", active.get("status").getAsString());
    assertEquals(therapistOf(another), active.get("therapistId").getAsString());
    Document session = runner.store().find(Chats.SESSIONS, active.get("chatSessionId").getAsString()).orElseThrow();
    assertTrue(session.bool("isActive"));
    assertEquals("2026-11-24T03:00:10.000+00:00", session.string("expiresAt"));
    Document room = runner.store().find(Chats.ROOMS, active.get("chatRoomId").getAsString()).orElseThrow();
    assertEquals(booking.id(), room.string("bookingId"));
    assertEquals("active", room.string("status"));
  }

  @Test
  void anExpiredWindowOffersTheNextTherapist() throws Exception {
    GuestBooking booking = book();
    Answer first = call("searchTherapists", booking.with(""), null);
    clock.advance(Duration.ofSeconds(61));

    Answer late = call("acceptTherapist", booking.with("\"therapistId\":\"" + therapistOf(first) + "\""), null);
    Answer next = call("searchTherapists", booking.with(""), null);

    assertEquals(409, late.status());
    assertEquals("OFFER_EXPIRED", late.errorCode());
    assertNotEquals(therapistOf(first), therapistOf(next));
    assertEquals(2, next.data().get("attempt").getAsInt());
  }

  @Test
  void usingUpTheAttemptsAnswersSearchTimeoutAndCancels() throws Exception {
    GuestBooking booking = book();
    String twoAttempts = "\"searchConfig\":{\"retryAttempts\":2}";
    call("searchTherapists", booking.with(twoAttempts), null);
    call("searchTherapists", booking.with(twoAttempts + ",\"declineCurrent\":true"), null);

    Answer timeout = call("searchTherapists", booking.with(twoAttempts + ",\"declineCurrent\":true"), null);
    Answer cancelAfter = call("cancelBooking", booking.with(""), null);

    assertEquals(409, timeout.status());
    assertEquals("SEARCH_TIMEOUT", timeout.errorCode());
    assertEquals("cancelled", cancelAfter.data().get("status").getAsString());
    assertEquals("no_therapist_available", cancelAfter.data().getAsJsonObject("metadata").get("cancellationReason").getAsString());
  }

  @Test
  void aBookingCanBeCancelledFromEveryOpenStage() throws Exception {
    GuestBooking searching = book();
    GuestBooking offered = book();
    call("searchTherapists", offered.with(""), null);
    GuestBooking active = book();
    Answer offer = call("searchTherapists", active.with(""), null);
    call("acceptTherapist", active.with("\"therapistId\":\"" + therapistOf(offer) + "\""), null);

    for (GuestBooking booking : new GuestBooking[] {searching, offered, active}) {
      Answer cancelled = call("cancelBooking", booking.with("\"reason\":\"plans changed\""), null);
      assertEquals(200, cancelled.status());
      assertEquals("cancelled", cancelled.data().get("status").getAsString());
      assertEquals("plans changed", cancelled.data().getAsJsonObject("metadata").get("cancellationReason").getAsString());
    }
    Document room = runner.store().find(Chats.ROOMS, "room-" + active.id()).orElseThrow();
    assertEquals("closed", room.string("status"));
  }

  @Test
  void someoneElsesBookingOrAMissingTokenIsDenied() throws Exception {
    JsonObject alices = call("createBooking", BOOKING, "local:alice").data();
    String alicesId = alices.get("id").getAsString();
    GuestBooking guest = book();

    Answer mallory = call("searchTherapists", "{\"bookingId\":\"" + alicesId + "\"}", "local:mallory");
    Answer noToken = call("cancelBooking", "{\"bookingId\":\"" + guest.id() + "\"}", null);
    Answer alice = call("searchTherapists", "{\"bookingId\":\"" + alicesId + "\"}", "local:alice");

    assertEquals(403, mallory.status());
    assertEquals("PERMISSION_DENIED", mallory.errorCode());
    assertEquals(403, noToken.status());
    assertEquals("PERMISSION_DENIED", noToken.errorCode());
    assertEquals(200, alice.status());
  }
}
