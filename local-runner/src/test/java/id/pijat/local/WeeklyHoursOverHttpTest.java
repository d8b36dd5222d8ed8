package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A demo therapist sets her week through the runner, signed in with the JWT local:therapist-bali-01,
 * online in central Denpasar so she is the nearest there. At Monday 11:00 WITA a week of nights leaves
 * her out of a search; a week of days has her offered. She alone reads her week's rows.
 */
class WeeklyHoursOverHttpTest {
  private static final Map<String, String> BALI_01 = Map.of("X-Appwrite-JWT", "local:therapist-bali-01");
  private static final Map<String, String> BUDI = Map.of("X-Appwrite-JWT", "local:budi");
  private static final String ONLINE_IN_DENPASAR =
      "{\"status\":\"available\",\"coordinates\":{\"lat\":" + DemoData.DENPASAR.lat() + ",\"lng\":" + DemoData.DENPASAR.lng() + "}}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** A Monday, 11:00 WITA in Bali. */
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private RunnerClient client;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), clock);
    client = new RunnerClient(runner);
    client.execute("setTherapistPresence", ONLINE_IN_DENPASAR, BALI_01);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private static String everyDay(String start, String end) {
    List<String> days = new ArrayList<>();
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
      days.add("{\"dayOfWeek\":\"" + day + "\",\"isAvailable\":true,\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}");
    }
    return "{\"timezone\":\"Asia/Makassar\",\"days\":[" + String.join(",", days) + "]}";
  }

  private JsonObject data(JsonObject execution) {
    return RunnerClient.envelope(execution).getAsJsonObject("data");
  }

  private String offeredInDenpasar(Map<String, String> customer) throws Exception {
    String bookingId = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, customer)).get("id").getAsString();
    JsonObject search = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"}", customer));
    return search.getAsJsonObject("therapist").get("id").getAsString();
  }

  /** The rows of her current week that this caller may read over the Databases API. */
  private long rowsOfHerWeekReadBy(Map<String, String> caller) throws Exception {
    String week = get("marketplace/collections/therapists/documents/bali-01", BALI_01, null).get("weekVersion").getAsString();
    String query = "{\"method\":\"equal\",\"attribute\":\"weekVersion\",\"values\":[\"" + week + "\"]}";
    return get("marketplace/collections/provider_availability/documents", caller, query).get("total").getAsLong();
  }

  private JsonObject get(String path, Map<String, String> headers, String query) throws Exception {
    String queries = query == null ? "" : "?queries%5B%5D=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + "/v1/databases/" + path + queries))
        .header("X-Appwrite-Project", "pijat-booking").GET();
    headers.forEach(request::header);
    return JsonParser.parseString(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
  }

  @Test
  void outsideHerHoursSheIsNotOfferedAndInsideThemSheIs() throws Exception {
    JsonObject nights = client.execute("setWeeklyHours", everyDay("20:00", "04:00"), BALI_01);
    String byNight = offeredInDenpasar(Map.of("X-Appwrite-JWT", "local:sari"));

    JsonObject days = client.execute("setWeeklyHours", everyDay("08:00", "16:00"), BALI_01);
    String byDay = offeredInDenpasar(BUDI);

    assertEquals(200, nights.get("responseStatusCode").getAsInt(), nights.toString());
    assertNotEquals("bali-01", byNight, "11:00 is outside 20:00–04:00");
    assertEquals("08:00", data(days).getAsJsonArray("days").get(0).getAsJsonObject().get("startTime").getAsString());
    assertEquals("bali-01", byDay, "11:00 is inside 08:00–16:00, and she is the nearest");
  }

  @Test
  void sheAloneReadsHerNewWeekWithItsDayOff() throws Exception {
    String sundayOff = everyDay("08:00", "16:00")
        .replace("{\"dayOfWeek\":\"sunday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"}",
            "{\"dayOfWeek\":\"sunday\",\"isAvailable\":false}");
    JsonObject set = client.execute("setWeeklyHours", sundayOff, BALI_01);

    assertEquals(200, set.get("responseStatusCode").getAsInt(), set.toString());
    assertEquals(false, data(set).getAsJsonArray("days").get(6).getAsJsonObject().get("isAvailable").getAsBoolean());

    assertEquals(7, rowsOfHerWeekReadBy(BALI_01));
    assertEquals(0, rowsOfHerWeekReadBy(BUDI));
  }

  @Test
  void aGuestMayNotRunItACustomerIsDeniedAndABadTimeIsNamed() throws Exception {
    JsonObject guest = client.execute("setWeeklyHours", everyDay("08:00", "16:00"), Map.of());
    JsonObject customer = client.execute("setWeeklyHours", everyDay("08:00", "16:00"), BUDI);
    JsonObject bad = client.execute("setWeeklyHours", everyDay("08:00", "16:00").replaceFirst("16:00", "26:00"), BALI_01);

    assertEquals(401, guest.get("code").getAsInt());
    assertEquals(403, customer.get("responseStatusCode").getAsInt());
    assertEquals("PERMISSION_DENIED", RunnerClient.envelope(customer).getAsJsonObject("error").get("code").getAsString());
    assertEquals(400, bad.get("responseStatusCode").getAsInt());
    assertEquals("days[0].endTime",
        RunnerClient.envelope(bad).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
  }
}
