package id.pijat.store.appwrite;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.appwrite.Client;
import org.junit.jupiter.api.Test;

class SdkClientsTest {
  private static final String ENDPOINT = "http://127.0.0.1:1/v1";

  @Test
  void aClientGivenBackIsLentToTheNextExecution() {
    Client first = SdkClients.borrow(ENDPOINT, "lent-again");
    SdkClients.giveBack(first);

    assertSame(first, SdkClients.borrow(ENDPOINT, "lent-again"));
  }

  @Test
  void executionsRunningAtOnceEachHaveTheirOwnClient() {
    Client first = SdkClients.borrow(ENDPOINT, "at-once");
    Client second = SdkClients.borrow(ENDPOINT, "at-once");

    assertNotSame(first, second);
  }

  @Test
  void aClientIsLentOnlyForItsOwnEndpointAndProject() {
    Client other = SdkClients.borrow(ENDPOINT, "another-project");
    SdkClients.giveBack(other);

    assertNotSame(other, SdkClients.borrow(ENDPOINT, "this-project"));
  }
}
