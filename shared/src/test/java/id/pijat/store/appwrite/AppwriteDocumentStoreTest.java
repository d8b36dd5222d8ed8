package id.pijat.store.appwrite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.Query;
import id.pijat.store.StoreRejectedException;
import id.pijat.store.StoreUnavailableException;
import id.pijat.store.WriteOutcomeUnknownException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests the adapter makes, and how it reads Appwrite's answers and errors (shapes from the 1.6 spec). */
class AppwriteDocumentStoreTest {
  private static final String DOCUMENTS = "/v1/databases/marketplace/collections/bookings/documents";
  private static final String DOCUMENT_JSON =
      "{\"$id\":\"b1\",\"$collectionId\":\"bookings\",\"$databaseId\":\"marketplace\","
          + "\"$createdAt\":\"2026-11-21T10:00:00.000+00:00\",\"$updatedAt\":\"2026-11-21T10:00:00.000+00:00\","
          + "\"$permissions\":[\"read(\\\"user:u1\\\")\"],\"status\":\"searching\",\"price\":200000}";

  private WireMockServer appwrite;
  private AppwriteDocumentStore store;

  @BeforeEach
  void start() {
    appwrite = new WireMockServer(wireMockConfig().dynamicPort());
    appwrite.start();
    store = AppwriteDocumentStore.connect(appwrite.baseUrl() + "/v1", "proj", "execution-key", "marketplace", Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    appwrite.stop();
  }

  private static String error(int code, String type) {
    return "{\"message\":\"Appwrite says no\",\"code\":" + code + ",\"type\":\"" + type + "\",\"version\":\"1.6.0\"}";
  }

  @Test
  void createPostsDocumentIdDataAndReadPermissionWithProjectAndKey() {
    appwrite.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(DOCUMENT_JSON)));

    Document created = store.create("bookings", "b1", Map.of("status", "searching", "price", 200000L), Set.of("u1"));

    assertEquals("b1", created.id());
    assertEquals(200000L, created.longValue("price"));
    assertTrue(!created.data().containsKey("$permissions"), "system attributes stay in the adapter");
    appwrite.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS))
        .withHeader("X-Appwrite-Project", equalTo("proj"))
        .withHeader("X-Appwrite-Key", equalTo("execution-key"))
        .withRequestBody(equalToJson(
            "{\"documentId\":\"b1\",\"data\":{\"status\":\"searching\",\"price\":200000},"
                + "\"permissions\":[\"read(\\\"user:u1\\\")\"]}")));
  }

  @Test
  void aConflictOnCreateMeansTheIdIsTaken() {
    appwrite.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json").withBody(error(409, "document_already_exists"))));

    assertThrows(DocumentExistsException.class, () -> store.create("bookings", "b1", Map.of(), Set.of()));
  }

  @Test
  void listSendsEachQueryAsJsonInQueriesArray() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"total\":1,\"documents\":[" + DOCUMENT_JSON + "]}")));

    List<Document> found = store.list("bookings", List.of(Query.equal("status", "searching"), Query.limit(10)));

    assertEquals(List.of("b1"), found.stream().map(Document::id).toList());
    appwrite.verify(getRequestedFor(urlPathEqualTo(DOCUMENTS))
        .withQueryParam("queries[]", equalToJson("{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"searching\"]}"))
        .withQueryParam("queries[]", equalToJson("{\"method\":\"limit\",\"values\":[10]}")));
  }

  @Test
  void aMissingDocumentIsEmptyNotAnError() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/nope")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody(error(404, "document_not_found"))));

    assertTrue(store.find("bookings", "nope").isEmpty());
  }

  @Test
  void aRateLimitIsUnavailableButAServerErrorOnAWriteMayHaveBeenApplied() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/limited")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody(error(429, "general_rate_limit_exceeded"))));
    appwrite.stubFor(patch(urlPathEqualTo(DOCUMENTS + "/broken")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody(error(500, "general_unknown"))));

    assertThrows(StoreUnavailableException.class, () -> store.find("bookings", "limited"));
    assertThrows(WriteOutcomeUnknownException.class, () -> store.update("bookings", "broken", Map.of("status", "active")));
  }

  @Test
  void aKeyWithoutTheScopeIsRejectedNotRetried() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/b1")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(error(401, "general_unauthorized_scope"))));

    assertThrows(StoreRejectedException.class, () -> store.find("bookings", "b1"));
  }

  @Test
  void aSlowAnswerTimesOutAsUnavailable() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/slow")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(DOCUMENT_JSON).withFixedDelay(3000)));

    assertThrows(StoreUnavailableException.class, () -> store.find("bookings", "slow"));
  }

  @Test
  void aMalformedAnswerOrDroppedConnectionIsUnavailableNotAHang() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/garbled")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"$id\": [not json")));
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/dropped")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThrows(StoreUnavailableException.class, () -> store.find("bookings", "garbled"));
    assertThrows(StoreUnavailableException.class, () -> store.find("bookings", "dropped"));
  }

  @Test
  void anExecutionAfterAnotherSendsOnlyItsOwnKeyAndTheFirstSendsNothingOnceAnswered() {
    appwrite.stubFor(get(urlPathEqualTo(DOCUMENTS + "/b1")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(DOCUMENT_JSON)));
    store.find("bookings", "b1");
    store.close();

    AppwriteDocumentStore next =
        AppwriteDocumentStore.connect(appwrite.baseUrl() + "/v1", "proj", "next-execution-key", "marketplace", Duration.ofMillis(500));
    next.find("bookings", "b1");

    assertThrows(StoreUnavailableException.class, () -> store.find("bookings", "b1"));
    appwrite.verify(1, getRequestedFor(urlPathEqualTo(DOCUMENTS + "/b1")).withHeader("X-Appwrite-Key", equalTo("execution-key")));
    appwrite.verify(1, getRequestedFor(urlPathEqualTo(DOCUMENTS + "/b1")).withHeader("X-Appwrite-Key", equalTo("next-execution-key")));
  }
}
