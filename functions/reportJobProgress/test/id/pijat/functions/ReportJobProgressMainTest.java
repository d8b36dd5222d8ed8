package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import id.pijat.testing.WriteCountingStore;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** reportJobProgress as a therapist's app calls it: POST {bookingId, step, etaMinutes?} signed in as the engaged therapist. */
class ReportJobProgressMainTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Map<String, String> AYU = Map.of("x-appwrite-user-id", "therapist-ayu");
  private static final Map<String, String> MADE = Map.of("x-appwrite-user-id", "therapist-made");
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final WriteCountingStore store = new WriteCountingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
  private final Main main = new Main(Backends.of(backend));
  private Booking active;

  @BeforeEach
  void budiHasAcceptedAyu() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", TherapistFixtures.offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", TherapistFixtures.offset(SEMINYAK, 2, 0), 4.6);
    TherapistFixtures.belongsTo(data, "ayu", "therapist-ayu");
    TherapistFixtures.belongsTo(data, "made", "therapist-made");
    Caller budi = Caller.user("budi");
    Booking booking = backend.createBooking().create(budi, BookingRequests.at(SEMINYAK), null).booking();
    backend.searchTherapists().search(budi, booking.id(), SearchConfig.DEFAULT, null, false);
    active = backend.acceptTherapist().accept(budi, booking.id(), "ayu");
  }

  private RuntimeOutput report(String fields, Map<String, String> headers) throws Exception {
    return main.main(RuntimeCalls.post("{\"bookingId\":\"" + active.id() + "\"" + fields + "}", headers));
  }

  private static JsonObject error(RuntimeOutput output) {
    return RuntimeCalls.json(output).getAsJsonObject("error");
  }

  private static List<String> fields(RuntimeOutput output) {
    JsonArray details = error(output).getAsJsonArray("details");
    List<String> fields = new ArrayList<>();
    details.forEach(detail -> fields.add(detail.getAsJsonObject().get("field").getAsString()));
    return fields;
  }

  @Test
  void ayuIsOnTheWayAndGetsTheBookingWithTheJobAsBudiSeesIt() throws Exception {
    RuntimeOutput output = report(",\"step\":\"on_the_way\",\"etaMinutes\":25", AYU);

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("active", data.get("status").getAsString());
    JsonObject job = data.getAsJsonObject("job");
    assertEquals("on_the_way", job.get("step").getAsString());
    assertEquals(25, job.get("etaMinutes").getAsInt());
    assertEquals(clock.instant().plus(Duration.ofMinutes(25)).toString(), job.get("expectedArrivalAt").getAsString());
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
    int writes = store.writes();

    RuntimeOutput all = main.main(RuntimeCalls.post("{\"step\":\"asleep\",\"etaMinutes\":0,\"mood\":1}", AYU));
    RuntimeOutput noEta = report(",\"step\":\"on_the_way\"", AYU);
    RuntimeOutput etaNotExpected = report(",\"step\":\"arrived\",\"etaMinutes\":5", AYU);
    RuntimeOutput etaNotANumber = report(",\"step\":\"delayed\",\"etaMinutes\":\"ten\"", AYU);

    assertEquals(400, all.getStatusCode());
    assertEquals(List.of("mood", "bookingId", "step", "etaMinutes"), fields(all));
    assertEquals(List.of("etaMinutes"), fields(noEta));
    assertEquals("etaMinutes is required for on_the_way", error(noEta).get("message").getAsString());
    assertEquals(List.of("etaMinutes"), fields(etaNotExpected));
    assertEquals(List.of("etaMinutes"), fields(etaNotANumber), "named once, not also as missing");
    assertEquals(writes, store.writes());
  }

  @Test
  void aGuestIsDenied() throws Exception {
    int writes = store.writes();

    RuntimeOutput output = report(",\"step\":\"on_the_way\",\"etaMinutes\":25", Map.of());

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", error(output).get("code").getAsString());
    assertEquals(writes, store.writes());
  }

  @Test
  void anotherTherapistIsDeniedAndTheCustomerToo() throws Exception {
    int writes = store.writes();

    RuntimeOutput made = report(",\"step\":\"on_the_way\",\"etaMinutes\":25", MADE);
    RuntimeOutput budi = report(",\"step\":\"on_the_way\",\"etaMinutes\":25", Map.of("x-appwrite-user-id", "budi"));

    assertEquals(403, made.getStatusCode());
    assertEquals("Only the therapist engaged for this booking reports on its job.", error(made).get("message").getAsString());
    assertEquals(403, budi.getStatusCode());
    assertEquals(writes, store.writes());
    assertNull(backend.bookings().find(active.id()).orElseThrow().job());
  }

  @Test
  void anUnknownBookingIsNotFound() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"nobooking\",\"step\":\"arrived\"}", AYU));

    assertEquals(404, output.getStatusCode());
    assertEquals("BOOKING_NOT_FOUND", error(output).get("code").getAsString());
  }

  @Test
  void aStepOutOfOrderIsInvalidStateNamingBoth() throws Exception {
    RuntimeOutput output = report(",\"step\":\"started\"", AYU);

    assertEquals(409, output.getStatusCode());
    assertEquals("INVALID_STATE", error(output).get("code").getAsString());
    String message = error(output).get("message").getAsString();
    assertTrue(message.contains("started") && message.contains("on_the_way"), message);
  }
}
