package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Cancellation;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cleanupSessions in the runner: run by the scheduler on appwrite.json's cron after the clock moves,
 * each duty done once, and at once by a server call; no customer may run it.
 */
class CleanupOverHttpTest {
  private static final String BOOKING = RunnerClient.BOOKING_IN_DENPASAR;
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("APPWRITE_API_KEY", "server-secret"), clock);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private JsonObject execute(String functionId, String body, Map<String, String> headers) throws Exception {
    return new RunnerClient(runner).execute(functionId, body, headers);
  }

  private Booking stored(String id) {
    return new Bookings(runner.store(), clock).find(id).orElseThrow();
  }

  /** The clock at the next five-minute mark at or after this time, where "*&#47;5 * * * *" fires. */
  private void moveTo(Instant time) {
    Instant minute = time.truncatedTo(ChronoUnit.MINUTES);
    long past = minute.getEpochSecond() / 60 % 5;
    clock.set(past == 0 && minute.equals(time) ? minute : minute.plus(Duration.ofMinutes(5 - past)));
  }

  @Test
  void theScheduleFromAppwriteJsonRunsItAfterTheClockMoves() throws Exception {
    Map<String, String> alice = Map.of("X-Appwrite-JWT", "local:alice");
    String active = data(execute("createBooking", BOOKING, alice)).get("id").getAsString();
    JsonObject offer = data(execute("searchTherapists", "{\"bookingId\":\"" + active + "\"}", alice));
    execute("acceptTherapist", "{\"bookingId\":\"" + active + "\",\"therapistId\":\"" + offer.getAsJsonObject("therapist").get("id").getAsString() + "\"}", alice);
    String left = data(execute("createBooking", BOOKING, alice)).get("id").getAsString();
    Booking accepted = stored(active);

    moveTo(accepted.endsAt().plus(Duration.ofHours(6)));
    runner.scheduler().tick();

    Booking completed = stored(active);
    assertEquals(BookingStatus.COMPLETED, completed.status());
    assertEquals("closed", runner.store().find(Chats.ROOMS, completed.chat().chatRoomId()).orElseThrow().string("status"));
    assertEquals(Cancellation.ABANDONED, stored(left).cancellation().reason());
  }

  @Test
  void aServerCallReportsEachDutyDoneOnceAndASecondCallFindsNothing() throws Exception {
    Map<String, String> alice = Map.of("X-Appwrite-JWT", "local:alice");
    String active = data(execute("createBooking", BOOKING, alice)).get("id").getAsString();
    JsonObject offer = data(execute("searchTherapists", "{\"bookingId\":\"" + active + "\"}", alice));
    execute("acceptTherapist", "{\"bookingId\":\"" + active + "\",\"therapistId\":\""
        + offer.getAsJsonObject("therapist").get("id").getAsString() + "\"}", alice);
    String pending = data(execute("createBooking", BOOKING, alice)).get("id").getAsString();
    execute("searchTherapists", "{\"bookingId\":\"" + pending + "\"}", alice);
    // bob types his own number: alice's already has the two open bookings one customer may have
    execute("createBooking", BOOKING.replace("0812 3456 7890", "0813 1111 2222")
            .replace("{\"serviceDuration\"", "{\"idempotencyKey\":\"tap-1-8d0c5b7e-2f41\",\"serviceDuration\""),
        Map.of("X-Appwrite-JWT", "local:bob"));
    Map<String, String> server = Map.of("X-Appwrite-Key", "server-secret");

    // a minute the schedule does not match, so only these calls run it
    clock.advance(Duration.ofHours(24).plusMinutes(1));
    JsonObject first = data(execute("cleanupSessions", "", server));
    JsonObject second = data(execute("cleanupSessions", "", server));

    assertEquals(1, first.get("offersExpired").getAsInt(), first.toString());
    assertEquals(1, first.get("bookingsCompleted").getAsInt());
    assertEquals(1, first.get("searchesAbandoned").getAsInt(), "bob's booking; alice's expired offer went back to searching just now");
    assertEquals(1, first.get("roomsClosed").getAsInt());
    assertEquals(1, first.get("sessionsDeactivated").getAsInt());
    assertEquals(1, first.get("idempotencyRecordsPurged").getAsInt());
    for (String duty : first.keySet()) {
      if (first.get(duty).isJsonPrimitive() && first.get(duty).getAsJsonPrimitive().isNumber()) {
        assertEquals(0, second.get(duty).getAsInt(), duty + " is done once");
      }
    }
  }

  @Test
  void noCustomerCanRunIt() throws Exception {
    JsonObject guest = execute("cleanupSessions", "", Map.of());
    JsonObject user = execute("cleanupSessions", "", Map.of("X-Appwrite-JWT", "local:alice"));

    assertEquals("user_unauthorized", guest.get("type").getAsString());
    assertEquals("user_unauthorized", user.get("type").getAsString());
  }
}
