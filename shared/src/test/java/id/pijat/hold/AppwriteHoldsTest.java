package id.pijat.hold;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.pijat.store.appwrite.AppwriteDocumentStore;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hold path through the Appwrite adapter, against stubs in the shapes of Appwrite 1.6's
 * Databases API: a 409 document_already_exists on the next log entry means another execution moved
 * the lock first, which is "taken", not an error.
 */
class AppwriteHoldsTest {
  private static final String HOLDS = "/v1/databases/marketplace/collections/therapist_holds/documents";
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private WireMockServer appwrite;
  private Holds holds;

  @BeforeEach
  void start() {
    appwrite = new WireMockServer(wireMockConfig().dynamicPort());
    appwrite.start();
    holds = new Holds(
        AppwriteDocumentStore.connect(appwrite.baseUrl() + "/v1", "proj", "key", "marketplace", Duration.ofSeconds(2)),
        clock);
  }

  @AfterEach
  void stop() {
    appwrite.stop();
  }

  private static String entry(long sequence, String kind, String bookingId, String expiresAt) {
    String id = Holds.entryId("ayu", sequence);
    return "{\"total\":1,\"documents\":[{\"$id\":\"" + id + "\",\"$collectionId\":\"therapist_holds\","
        + "\"$databaseId\":\"marketplace\",\"$createdAt\":\"2026-11-21T09:59:00.000+00:00\","
        + "\"$updatedAt\":\"2026-11-21T09:59:00.000+00:00\",\"$permissions\":[],"
        + "\"lockKey\":\"ayu\",\"sequence\":" + sequence + ",\"kind\":\"" + kind + "\",\"bookingId\":\"" + bookingId + "\","
        + "\"expiresAt\":" + (expiresAt == null ? "null" : "\"" + expiresAt + "\"")
        + ",\"createdAt\":\"2026-11-21T09:59:00.000+00:00\"}]}";
  }

  private void headIs(String state, String body) {
    appwrite.stubFor(get(urlPathEqualTo(HOLDS)).inScenario("lock").whenScenarioStateIs(state)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void aConflictOnTheNextEntryIsTakenNotAnError() {
    headIs(STARTED, entry(3, "released", "b0", null));
    appwrite.stubFor(post(urlPathEqualTo(HOLDS)).inScenario("lock").whenScenarioStateIs(STARTED)
        .willSetStateTo("moved")
        .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Document with the requested ID already exists.\",\"code\":409,"
                + "\"type\":\"document_already_exists\",\"version\":\"1.6.0\"}")));
    headIs("moved", entry(4, "offer", "b2", "2026-11-21T10:01:00.000+00:00"));

    assertFalse(holds.offer("ayu", "b1", clock.instant().plusSeconds(60)));

    appwrite.verify(1, postRequestedFor(urlPathEqualTo(HOLDS))
        .withRequestBody(matchingJsonPath("$.documentId", equalTo(Holds.entryId("ayu", 4))))
        .withRequestBody(matchingJsonPath("$.data.kind", equalTo("offer")))
        .withRequestBody(matchingJsonPath("$.data.bookingId", equalTo("b1"))));
    appwrite.verify(2, getRequestedFor(urlPathEqualTo(HOLDS))
        .withQueryParam("queries[]", equalToJson("{\"method\":\"equal\",\"attribute\":\"lockKey\",\"values\":[\"ayu\"]}"))
        .withQueryParam("queries[]", equalToJson("{\"method\":\"orderDesc\",\"attribute\":\"sequence\"}"))
        .withQueryParam("queries[]", equalToJson("{\"method\":\"limit\",\"values\":[1]}")));
  }

  @Test
  void aFreeLockIsTakenWithOneReadAndOneCreate() {
    headIs(STARTED, entry(3, "released", "b0", null));
    appwrite.stubFor(post(urlPathEqualTo(HOLDS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"$id\":\"" + Holds.entryId("ayu", 4) + "\",\"$collectionId\":\"therapist_holds\",\"$databaseId\":\"marketplace\","
            + "\"$createdAt\":\"2026-11-21T10:00:00.000+00:00\",\"$updatedAt\":\"2026-11-21T10:00:00.000+00:00\",\"$permissions\":[]}")));

    assertTrue(holds.offer("ayu", "b1", clock.instant().plusSeconds(60)));

    appwrite.verify(1, getRequestedFor(urlPathEqualTo(HOLDS)));
    appwrite.verify(1, postRequestedFor(urlPathEqualTo(HOLDS)));
  }
}
