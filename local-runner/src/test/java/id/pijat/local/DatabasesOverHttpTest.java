package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.chat.Chats;
import id.pijat.local.project.AppwriteProject;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Databases read endpoints a chat client uses (getDocument, listDocuments), over HTTP as the web
 * SDK calls them, after real bookings made through the functions: who sees which documents of every
 * collection of appwrite.json, and the queries the SDK sends.
 */
class DatabasesOverHttpTest {
  private static final String KEY = "server-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AppwriteProject PROJECT = AppwriteProject.read(Path.of("..", "appwrite.json"));
  /** Where a collection's documents name the booking they belong to. */
  private static final Map<String, String> BOOKING_ATTRIBUTE = Map.of(
      "bookings", "$id", "booking_changes", "bookingId", "chat_rooms", "bookingId", "chat_sessions", "bookingId",
      "chat_messages", "bookingId");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("APPWRITE_API_KEY", KEY, "FAIR_USE", "off"), clock);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private record Answer(int status, JsonObject json) {
    Set<String> ids() {
      Set<String> ids = new HashSet<>();
      json.getAsJsonArray("documents").forEach(d -> ids.add(d.getAsJsonObject().get("$id").getAsString()));
      return ids;
    }

    long total() {
      return json.get("total").getAsLong();
    }

    String type() {
      return json.get("type").getAsString();
    }
  }

  /** A caller's headers: a signed-in user's JWT, the server key, or none for a guest. */
  private static Map<String, String> user(String id) {
    return Map.of("X-Appwrite-JWT", "local:" + id);
  }

  private static final Map<String, String> SERVER = Map.of("X-Appwrite-Key", KEY);
  private static final Map<String, String> GUEST = Map.of();

  private Answer get(String path, Map<String, String> headers, String... queries) throws Exception {
    String query = Arrays.stream(queries)
        .map(q -> "queries%5B%5D=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + "/v1/databases/"
        + path + (query.isEmpty() ? "" : "?" + query))).header("X-Appwrite-Project", "pijat-booking").GET();
    headers.forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JsonParser.parseString(response.body()).getAsJsonObject());
  }

  private Answer list(String collection, Map<String, String> headers, String... queries) throws Exception {
    return get("marketplace/collections/" + collection + "/documents", headers, queries);
  }

  private JsonObject data(String functionId, String body, Map<String, String> headers) throws Exception {
    return RunnerClient.envelope(new RunnerClient(runner).execute(functionId, body, headers)).getAsJsonObject("data");
  }

  /** A booking made through the functions, searched, and accepted when asked: its ID. */
  private String book(Map<String, String> caller, boolean accept) throws Exception {
    JsonObject created = data("createBooking", RunnerClient.BOOKING_IN_DENPASAR, caller);
    String id = created.get("id").getAsString();
    String token = created.has("bookingToken") ? ",\"bookingToken\":\"" + created.get("bookingToken").getAsString() + "\"" : "";
    JsonObject offer = data("searchTherapists", "{\"bookingId\":\"" + id + "\"" + token + "}", caller);
    if (accept) {
      String therapist = offer.getAsJsonObject("therapist").get("id").getAsString();
      JsonObject accepted = data("acceptTherapist", "{\"bookingId\":\"" + id + "\",\"therapistId\":\"" + therapist + "\"" + token + "}", caller);
      assertEquals("active", accepted.get("status").getAsString());
    }
    return id;
  }

  private static String equal(String attribute, Object value) {
    return "{\"method\":\"equal\",\"attribute\":\"" + attribute + "\",\"values\":[" + json(value) + "]}";
  }

  private static String query(String method, String attribute, Object... values) {
    List<String> shown = new ArrayList<>();
    for (Object value : values) {
      shown.add(json(value));
    }
    return "{\"method\":\"" + method + "\"" + (attribute == null ? "" : ",\"attribute\":\"" + attribute + "\"")
        + ",\"values\":[" + String.join(",", shown) + "]}";
  }

  private static String json(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  private static final String ALL = "{\"method\":\"limit\",\"values\":[5000]}";

  /** The IDs of a collection's documents belonging to this booking, as the server key sees them. */
  private Set<String> documentsOf(String collection, String bookingId) throws Exception {
    Answer answer = list(collection, SERVER, equal(BOOKING_ATTRIBUTE.get(collection), bookingId), ALL);
    assertEquals(200, answer.status());
    return answer.ids();
  }

  @Test
  void everyCollectionShowsEachCustomerTheirOwnBookingsDocumentsOnlyAndTheServerEverything() throws Exception {
    String alices = book(user("alice"), true);
    String bobs = book(user("bob"), false);
    String guests = book(GUEST, true);

    for (String collection : PROJECT.collections().keySet()) {
      Answer alice = list(collection, user("alice"), ALL);
      Answer bob = list(collection, user("bob"), ALL);
      Answer guest = list(collection, GUEST, ALL);
      Answer server = list(collection, SERVER, ALL);
      assertEquals(200, alice.status(), collection);
      Set<String> alicesOwn = BOOKING_ATTRIBUTE.containsKey(collection) ? documentsOf(collection, alices) : Set.of();
      Set<String> bobsOwn = BOOKING_ATTRIBUTE.containsKey(collection) ? documentsOf(collection, bobs) : Set.of();
      assertEquals(alicesOwn, alice.ids(), "alice in " + collection);
      assertEquals(alicesOwn.size(), alice.total(), "alice's total in " + collection);
      assertEquals(bobsOwn, bob.ids(), "bob in " + collection);
      assertEquals(bobsOwn.size(), bob.total(), "bob's total in " + collection);
      assertEquals(Set.of(), guest.ids(), "a guest in " + collection);
      assertEquals(0, guest.total(), "a guest's total in " + collection);
      assertTrue(server.ids().containsAll(alicesOwn) && server.ids().containsAll(bobsOwn), collection);
      if (BOOKING_ATTRIBUTE.containsKey(collection)) {
        assertTrue(server.ids().containsAll(documentsOf(collection, guests)), collection);
        assertFalse(documentsOf(collection, guests).isEmpty(), "the guest's booking has documents in " + collection);
      }
    }
    // what makes the table above tell something: every booking collection of an accepted booking is filled
    for (String collection : BOOKING_ATTRIBUTE.keySet()) {
      assertFalse(documentsOf(collection, alices).isEmpty(), "alice's booking has documents in " + collection);
    }
    assertEquals(20, list("therapists", SERVER, ALL).total());
    assertEquals(Set.of(alices, bobs, guests), list("bookings", SERVER, ALL).ids());
  }

  @Test
  void getAnswersTheOwnerTheDocumentInAppwritesShapeAndEveryoneElseDocumentNotFound() throws Exception {
    String bookingId = book(user("alice"), true);
    String room = "marketplace/collections/chat_rooms/documents/room-" + bookingId;

    Answer alice = get(room, user("alice"));
    Answer bob = get(room, user("bob"));
    Answer guest = get(room, GUEST);
    Answer server = get(room, SERVER);

    assertEquals(200, alice.status());
    JsonObject document = alice.json();
    assertEquals("room-" + bookingId, document.get("$id").getAsString());
    assertEquals("chat_rooms", document.get("$collectionId").getAsString());
    assertEquals("marketplace", document.get("$databaseId").getAsString());
    assertEquals("2026-11-23T03:00:00.000+00:00", document.get("$createdAt").getAsString());
    assertEquals("2026-11-23T03:00:00.000+00:00", document.get("$updatedAt").getAsString());
    String therapistUser = "therapist-" + document.get("therapistId").getAsString();
    assertEquals(Set.of("read(\"user:alice\")", "read(\"user:" + therapistUser + "\")"),
        new HashSet<>(strings(document.getAsJsonArray("$permissions"))), "the customer and the engaged therapist");
    assertEquals(bookingId, document.get("bookingId").getAsString());
    assertEquals("active", document.get("status").getAsString());
    assertTrue(document.has("closedAt") && document.get("closedAt").isJsonNull(), "unset attributes are answered as null");
    for (Answer refused : List.of(bob, guest)) {
      assertEquals(404, refused.status());
      assertEquals("document_not_found", refused.type());
      assertEquals("Document with the requested ID could not be found.", refused.json().get("message").getAsString());
    }
    assertEquals(200, server.status());
    assertEquals(document, server.json());
  }

  @Test
  void theEngagedTherapistReadsTheBookingWhileItIsActiveAndItsChatForGoodAnotherTherapistReadsNothing() throws Exception {
    String bookingId = book(user("alice"), true);
    String booking = "marketplace/collections/bookings/documents/" + bookingId;
    String engaged = "therapist-" + get(booking, SERVER).json().get("therapistId").getAsString();
    String other = engaged.equals("therapist-bali-01") ? "therapist-bali-02" : "therapist-bali-01";

    Answer read = get(booking, user(engaged));
    assertEquals(200, read.status());
    assertEquals("+6281234567890", read.json().get("customerWhatsApp").getAsString(), "while active, to call the customer");
    for (String collection : List.of("chat_rooms", "chat_sessions", "chat_messages")) {
      assertEquals(documentsOf(collection, bookingId), list(collection, user(engaged), ALL).ids(), collection);
      assertEquals(Set.of(), list(collection, user(other), ALL).ids(), "another therapist in " + collection);
    }
    assertEquals(404, get(booking, user(other)).status());
    assertEquals(Set.of(), list("booking_changes", user(engaged), ALL).ids(), "the versions are the customer's");

    data("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", user("alice"));

    assertEquals(404, get(booking, user(engaged)).status(), "a booking that ended is the customer's again");
    JsonObject session = list("chat_sessions", user(engaged), ALL).json().getAsJsonArray("documents").get(0).getAsJsonObject();
    assertTrue(session.get("customerWhatsApp").isJsonNull(), "the number left the session with the booking");
    assertEquals(documentsOf("chat_messages", bookingId), list("chat_messages", user(engaged), ALL).ids(),
        "the chat, its closing message included, stays readable");
  }

  @Test
  void theSignedInCustomerReadsTheConfirmationInTheirRoom() throws Exception {
    String bookingId = book(user("alice"), true);

    Answer messages = list("chat_messages", user("alice"), equal("roomId", "room-" + bookingId),
        query("orderAsc", "createdAt"));

    assertEquals(200, messages.status());
    JsonObject first = messages.json().getAsJsonArray("documents").get(0).getAsJsonObject();
    assertEquals(Chats.CONFIRMED, first.get("content").getAsString());
    assertEquals("system", first.get("messageType").getAsString());
    assertTrue(first.get("isSystemMessage").getAsBoolean());
  }

  @Test
  void listAnswersTheSdksFiltersOrdersAndPages() throws Exception {
    List<String> byRating = new ArrayList<>();
    list("therapists", SERVER, query("orderDesc", "rating"), ALL).json().getAsJsonArray("documents")
        .forEach(d -> byRating.add(d.getAsJsonObject().get("$id").getAsString()));
    Map<String, Double> ratings = new LinkedHashMap<>();
    list("therapists", SERVER, ALL).json().getAsJsonArray("documents").forEach(d ->
        ratings.put(d.getAsJsonObject().get("$id").getAsString(), d.getAsJsonObject().get("rating").getAsDouble()));
    String fifth = byRating.get(4);

    Answer page = list("therapists", SERVER, query("orderDesc", "rating"), query("limit", null, 5), query("offset", null, 5));
    Answer after = list("therapists", SERVER, query("orderDesc", "rating"), query("limit", null, 5), query("cursorAfter", null, fifth));
    Answer before = list("therapists", SERVER, query("orderDesc", "rating"), query("limit", null, 3), query("cursorBefore", null, fifth));
    Answer good = list("therapists", SERVER, query("greaterThanEqual", "rating", 4.5), query("notEqual", "$id", byRating.get(0)));
    Answer chosen = list("therapists", SERVER, equal("$id", fifth), query("select", null, "name", "rating"));

    assertEquals(20, byRating.size());
    for (int i = 1; i < byRating.size(); i++) {
      assertTrue(ratings.get(byRating.get(i - 1)) >= ratings.get(byRating.get(i)), "ordered by rating, highest first");
    }
    assertEquals(20, page.total(), "the total counts every match, not the page");
    assertEquals(byRating.subList(5, 10), ids(page));
    assertEquals(byRating.subList(5, 10), ids(after));
    assertEquals(byRating.subList(1, 4), ids(before));
    Set<String> expected = ratings.entrySet().stream().filter(e -> e.getValue() >= 4.5 && !e.getKey().equals(byRating.get(0)))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    assertEquals(expected, good.ids());
    JsonObject only = chosen.json().getAsJsonArray("documents").get(0).getAsJsonObject();
    assertEquals(Set.of("$id", "$collectionId", "$databaseId", "$createdAt", "$updatedAt", "$permissions", "name", "rating"),
        only.keySet());
  }

  private static List<String> ids(Answer answer) {
    List<String> ids = new ArrayList<>();
    for (JsonElement document : answer.json().getAsJsonArray("documents")) {
      ids.add(document.getAsJsonObject().get("$id").getAsString());
    }
    return ids;
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(e -> strings.add(e.getAsString()));
    return strings;
  }

  @Test
  void aRoleInTheCollectionsPermissionsReadsEveryDocumentAndWithoutDocumentSecurityNoOneElseReads(@TempDir Path root)
      throws Exception {
    JsonObject project = JsonParser.parseString(Files.readString(Path.of("..", "appwrite.json"))).getAsJsonObject();
    project.add("functions", new JsonArray());
    for (JsonElement element : project.getAsJsonArray("collections")) {
      JsonObject collection = element.getAsJsonObject();
      String id = collection.get("$id").getAsString();
      if (id.equals("therapists")) {
        collection.add("$permissions", JsonParser.parseString("[\"read(\\\"users\\\")\"]"));
      } else if (id.equals("provider_availability")) {
        collection.addProperty("documentSecurity", false);
      }
    }
    Files.writeString(root.resolve("appwrite.json"), project.toString());
    runner.close();
    runner = LocalRunner.start(root, "jdbc:h2:mem:" + UUID.randomUUID(), 0, Map.of("APPWRITE_API_KEY", KEY), clock);

    assertEquals(20, list("therapists", user("alice"), ALL).total(), "users hold the collection's read(\"users\")");
    assertEquals(0, list("therapists", GUEST, ALL).total(), "a guest does not, and no therapist document grants it");
    assertEquals(200, get("marketplace/collections/therapists/documents/bali-01", user("alice")).status());
    Answer unauthorized = list("provider_availability", user("alice"), ALL);
    assertEquals(401, unauthorized.status());
    assertEquals("user_unauthorized", unauthorized.type());
    assertEquals(140, list("provider_availability", SERVER, ALL).total(), "the key reads it");
  }

  @Test
  void refusalsComeInAppwritesErrorShape() throws Exception {
    Map<String, Answer> refused = new LinkedHashMap<>();
    refused.put("general_query_invalid search", list("therapists", SERVER, query("search", "name", "Ayu")));
    refused.put("general_query_invalid unknown attribute", list("therapists", SERVER, equal("colour", "red")));
    refused.put("general_query_invalid wrong type", list("therapists", SERVER, equal("rating", "high")));
    refused.put("general_query_invalid syntax", list("therapists", SERVER, "not json"));
    refused.put("general_query_invalid attribute not a name",
        list("therapists", SERVER, "{\"method\":\"equal\",\"attribute\":{},\"values\":[\"Ayu\"]}"));
    refused.put("general_query_invalid an object as a value",
        list("therapists", SERVER, "{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[{}]}"));
    refused.put("general_query_invalid an array as a value",
        list("therapists", SERVER, "{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[[]]}"));
    refused.put("general_query_invalid limit", list("therapists", SERVER, query("limit", null, 5001)));
    refused.put("general_query_invalid get with a filter",
        get("marketplace/collections/therapists/documents/x", SERVER, equal("name", "Ayu")));
    refused.put("general_cursor_not_found", list("therapists", SERVER, query("cursorAfter", null, "nobody")));
    refused.put("database_not_found", get("elsewhere/collections/therapists/documents", SERVER));
    refused.put("collection_not_found", list("payments", SERVER));
    refused.put("user_jwt_invalid", list("therapists", Map.of("X-Appwrite-JWT", "not-a-local-jwt")));
    refused.put("document_not_found", get("marketplace/collections/therapists/documents/nobody", SERVER));

    Map<String, Integer> statuses = Map.of("database_not_found", 404, "collection_not_found", 404, "user_jwt_invalid", 401,
        "document_not_found", 404);
    refused.forEach((expected, answer) -> {
      String type = expected.split(" ")[0];
      assertEquals(statuses.getOrDefault(type, 400), answer.status(), expected);
      assertEquals(type, answer.type(), expected);
      assertEquals(statuses.getOrDefault(type, 400), answer.json().get("code").getAsInt(), expected);
      assertTrue(answer.json().has("message") && answer.json().has("version"), expected);
    });
  }
}
