package id.pijat.deployment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.appwrite.AppwriteStandIn;
import id.pijat.testing.TherapistFixtures;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The four booking-flow functions, each in its own warm container, against one stand-in; every
 * execution gets its own x-appwrite-key, as on Appwrite, so the stand-in can tell executions apart.
 */
final class Functions implements AutoCloseable {
  static final Coordinates DENPASAR = new Coordinates(-8.6705, 115.2126);
  static final Coordinates JAKARTA = new Coordinates(-6.2088, 106.8456);
  static final String BOOKING_IN_DENPASAR =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Gajah Mada 1, Denpasar\",\"coordinates\":{\"lat\":-8.6705,\"lng\":115.2126}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812 3456 7890\"}}";
  private static final AtomicLong EXECUTIONS = new AtomicLong();

  /** One execution: whose key it ran with, what it answered, and when the answer was back (nanoTime). */
  record Execution(String function, String key, PackagedFunctions.Answer answer, long answeredNanos, long tookNanos) {
    JsonObject envelope() {
      return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    JsonObject data() {
      JsonObject envelope = envelope();
      return envelope.has("data") && envelope.get("data").isJsonObject() ? envelope.getAsJsonObject("data") : null;
    }

    int status() {
      return answer.status();
    }
  }

  final AppwriteStandIn appwrite;
  private final Map<String, PackagedFunctions.Container> containers = new LinkedHashMap<>();

  Functions(AppwriteStandIn appwrite, Map<String, String> settings, String... functionIds) throws Exception {
    this.appwrite = appwrite;
    Map<String, String> environment = new HashMap<>(settings);
    // every customer here shares one WhatsApp number and address: fair use would (rightly) refuse them
    environment.putIfAbsent("FAIR_USE", "off");
    // as deployed with the README's variables: booking IDs say where the booking is (BookingIds)
    environment.putIfAbsent("BOOKING_PLACE_SECRET", "packaged-functions-place-secret-" + System.nanoTime());
    environment.put("APPWRITE_FUNCTION_API_ENDPOINT", appwrite.endpoint());
    environment.put("APPWRITE_FUNCTION_PROJECT_ID", "proj");
    for (String functionId : functionIds) {
      PackagedFunctions.compiled(functionId);
    }
    for (String functionId : functionIds) {
      containers.put(functionId, new PackagedFunctions.Container(functionId, environment));
    }
  }

  /** Therapists open around the clock, all within a few km of central Denpasar. */
  static void therapistsAroundDenpasar(AppwriteStandIn appwrite, String prefix, int count) {
    therapistsAround(appwrite, DENPASAR, prefix, count);
  }

  /** Therapists open around the clock, all within a few km of {@code centre}. */
  static void therapistsAround(AppwriteStandIn appwrite, Coordinates centre, String prefix, int count) {
    TherapistFixtures therapists = new TherapistFixtures(appwrite.documents());
    for (int i = 0; i < count; i++) {
      therapists.add(prefix + i, TherapistFixtures.offset(centre, (i % 5) * 0.7, (i / 5) * 0.9), 4.0 + (i % 10) / 10.0);
    }
  }

  /** Therapists 3 km apart on a grid of ten columns around {@code centre}, each the nearest to a booking at {@link #spotOf}. */
  static void therapistsSpreadAround(AppwriteStandIn appwrite, Coordinates centre, String prefix, int count) {
    TherapistFixtures therapists = new TherapistFixtures(appwrite.documents());
    for (int i = 0; i < count; i++) {
      therapists.add(prefix + i, spotOf(centre, i), 4.5);
    }
  }

  static Coordinates spotOf(Coordinates centre, int n) {
    return TherapistFixtures.offset(centre, (n / 10) * 3.0, (n % 10) * 3.0);
  }

  Execution execute(String function, String body, String userId) throws Exception {
    String key = "exec-" + EXECUTIONS.incrementAndGet();
    long start = System.nanoTime();
    PackagedFunctions.Answer answer = containers.get(function).execute(body, key, userId);
    long answered = System.nanoTime();
    return new Execution(function, key, answer, answered, answered - start);
  }

  Execution create(String userId) throws Exception {
    return execute("createBooking", BOOKING_IN_DENPASAR, userId);
  }

  /** A booking at {@code at}, otherwise as {@link #create(String)}. */
  Execution create(String userId, Coordinates at) throws Exception {
    return execute("createBooking", BOOKING_IN_DENPASAR.replace("\"lat\":-8.6705,\"lng\":115.2126", "\"lat\":" + at.lat() + ",\"lng\":" + at.lng()), userId);
  }

  Execution search(String userId, String bookingId, boolean declineCurrent) throws Exception {
    return execute("searchTherapists",
        "{\"bookingId\":\"" + bookingId + "\"" + (declineCurrent ? ",\"declineCurrent\":true" : "") + "}", userId);
  }

  /** A first search from a client that says where the customer is ({@code searchConfig.userLocation}), or not (null). */
  Execution search(String userId, String bookingId, Coordinates userLocation) throws Exception {
    if (userLocation == null) {
      return search(userId, bookingId, false);
    }
    return execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\",\"searchConfig\":{\"userLocation\":{\"lat\":"
        + userLocation.lat() + ",\"lng\":" + userLocation.lng() + "}}}", userId);
  }

  /** The client's poll: checkSearchStatus with the search's ID. */
  Execution poll(String userId, String bookingId, String searchId) throws Exception {
    return execute("checkSearchStatus", "{\"bookingId\":\"" + bookingId + "\",\"searchId\":\"" + searchId + "\"}", userId);
  }

  Execution accept(String userId, String bookingId, String therapistId) throws Exception {
    return execute("acceptTherapist", "{\"bookingId\":\"" + bookingId + "\",\"therapistId\":\"" + therapistId + "\"}", userId);
  }

  Execution cancel(String userId, String bookingId) throws Exception {
    return execute("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", userId);
  }

  @Override
  public void close() {
    containers.values().forEach(PackagedFunctions.Container::close);
  }
}
