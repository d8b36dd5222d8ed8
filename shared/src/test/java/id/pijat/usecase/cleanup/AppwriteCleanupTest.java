package id.pijat.usecase.cleanup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.appwrite.AppwriteDocumentStore;
import id.pijat.store.appwrite.AppwriteStandIn;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One cleanup run through the Appwrite adapter: the requests it makes, and another run having been first. */
class AppwriteCleanupTest {
  private static final String BASE = "/v1/databases/marketplace/collections/";
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final MutableClock stopwatch = MutableClock.at("2026-01-01T00:00:00Z");
  private WireMockServer appwrite;

  @AfterEach
  void stop() {
    appwrite.stop();
  }

  private CleanupSessions.Report runAgainst(WireMockServer server) {
    AppwriteDocumentStore store =
        AppwriteDocumentStore.connect(server.baseUrl() + "/v1", "proj", "key", "marketplace", Duration.ofSeconds(5));
    return new Backend(store, clock, Settings.from(Map.of())).cleanupSessions().run(Budget.of(Duration.ofMinutes(1), stopwatch));
  }

  @Test
  void aPageOfExpiredSessionsCostsOneUpdateEachAndTwoLists() {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    for (int n = 0; n < 100; n++) {
      ChatFixtures.activeSession(data, "s" + n, Instant.parse("2026-11-23T02:00:00Z"));
    }
    AppwriteStandIn standIn = AppwriteStandIn.start(data, "proj", "key");
    appwrite = standIn.server();

    CleanupSessions.Report report = runAgainst(appwrite);

    assertEquals(100, report.done().get("sessionsDeactivated"));
    appwrite.verify(100, patchRequestedFor(urlPathMatching(BASE + "chat_sessions/documents/s[0-9]+")));
    appwrite.verify(2, getRequestedFor(urlPathEqualTo(BASE + "chat_sessions/documents")));
    appwrite.verify(111, anyRequestedFor(anyUrl()));
  }

  @Test
  void a404Or409FromARunThatGotThereFirstIsNotAnErrorAndNotCounted() {
    appwrite = new WireMockServer(wireMockConfig().dynamicPort());
    appwrite.start();
    String empty = "{\"total\":0,\"documents\":[]}";
    appwrite.stubFor(get(urlPathMatching(BASE + "[a-z_]+/documents")).atPriority(10).willReturn(json(200, empty)));
    appwrite.stubFor(get(urlPathEqualTo(BASE + "idempotency_records/documents")).atPriority(1).willReturn(json(200,
        "{\"total\":1,\"documents\":[" + document("idempotency_records", "rec1",
            "\"scope\":\"guest\",\"fingerprint\":\"f\",\"bookingId\":\"b1\",\"createdAt\":\"2026-11-22T02:00:00.000+00:00\","
                + "\"expiresAt\":\"2026-11-23T02:00:00.000+00:00\"") + "]}")));
    appwrite.stubFor(delete(urlPathEqualTo(BASE + "idempotency_records/documents/rec1")).willReturn(json(404,
        "{\"message\":\"Document with the requested ID could not be found.\",\"code\":404,\"type\":\"document_not_found\",\"version\":\"1.6.0\"}")));
    String room = document("chat_rooms", "room-b2",
        "\"bookingId\":\"b2\",\"customerId\":\"u2\",\"therapistId\":\"ayu\",\"status\":\"active\",\"createdBy\":\"system\","
            + "\"createdAt\":\"2026-11-22T10:00:00.000+00:00\",\"closeAfter\":\"2026-11-22T17:00:00.000+00:00\",\"closedAt\":null");
    appwrite.stubFor(get(urlPathEqualTo(BASE + "chat_rooms/documents")).atPriority(1).willReturn(json(200, "{\"total\":1,\"documents\":[" + room + "]}")));
    appwrite.stubFor(post(urlPathEqualTo(BASE + "chat_messages/documents")).willReturn(json(409,
        "{\"message\":\"Document with the requested ID already exists.\",\"code\":409,\"type\":\"document_already_exists\",\"version\":\"1.6.0\"}")));
    appwrite.stubFor(patch(urlPathEqualTo(BASE + "chat_rooms/documents/room-b2")).willReturn(json(200, room.replace("\"active\"", "\"closed\""))));

    CleanupSessions.Report report = runAgainst(appwrite);

    assertEquals(0, report.done().get("idempotencyRecordsPurged"));
    assertEquals(0, report.done().get("roomsClosed"));
    assertFalse(report.more());
    appwrite.verify(1, patchRequestedFor(urlPathEqualTo(BASE + "chat_rooms/documents/room-b2")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String document(String collection, String id, String attributes) {
    return "{\"$id\":\"" + id + "\",\"$collectionId\":\"" + collection + "\",\"$databaseId\":\"marketplace\","
        + "\"$createdAt\":\"2026-11-22T10:00:00.000+00:00\",\"$updatedAt\":\"2026-11-22T10:00:00.000+00:00\",\"$permissions\":[],"
        + attributes + "}";
  }
}
