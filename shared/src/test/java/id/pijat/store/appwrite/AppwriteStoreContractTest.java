package id.pijat.store.appwrite;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentStoreContract;
import id.pijat.store.InMemoryDocumentStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract, through the Kotlin SDK and HTTP, against a WireMock stand-in for Appwrite's REST API. */
class AppwriteStoreContractTest extends DocumentStoreContract {
  private WireMockServer appwrite;
  private AppwriteDocumentStore store;

  @BeforeEach
  void startAppwrite() {
    FakeAppwriteDatabases databases = new FakeAppwriteDatabases(new InMemoryDocumentStore(), "test-project", "test-key");
    appwrite = new WireMockServer(wireMockConfig().dynamicPort().extensions(databases));
    appwrite.start();
    appwrite.stubFor(any(anyUrl()).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withTransformers(databases.getName())));
    store = AppwriteDocumentStore.connect(
        appwrite.baseUrl() + "/v1", "test-project", "test-key", "marketplace", Duration.ofSeconds(5));
  }

  @AfterEach
  void stopAppwrite() {
    appwrite.stop();
  }

  @Override
  protected DocumentStore store() {
    return store;
  }
}
