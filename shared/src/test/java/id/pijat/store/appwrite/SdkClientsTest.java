package id.pijat.store.appwrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void aClientBegunAheadIsLentToTheNextBorrower() {
    Client made = new Client(ENDPOINT).setProject("ahead");
    SdkClients.prepare(ENDPOINT, "ahead", () -> made);

    assertSame(made, SdkClients.borrow(ENDPOINT, "ahead"));
  }

  @Test
  void aClientBegunAheadIsNotBegunTwice() {
    Client made = new Client(ENDPOINT).setProject("ahead-once");
    SdkClients.prepare(ENDPOINT, "ahead-once", () -> made);
    SdkClients.prepare(ENDPOINT, "ahead-once", () -> new Client(ENDPOINT).setProject("ahead-once"));

    assertSame(made, SdkClients.borrow(ENDPOINT, "ahead-once"));
  }

  @Test
  void aClientThatFailedAheadIsBuiltByTheBorrower() {
    SdkClients.prepare(ENDPOINT, "ahead-failed", () -> {
      throw new IllegalStateException("no trust roots");
    });

    Client built = SdkClients.borrow(ENDPOINT, "ahead-failed");

    assertEquals("ahead-failed", built.getConfig().get("project"));
  }

  @Test
  void nothingIsBegunAheadWhenAClientIsIdle() {
    Client idle = SdkClients.borrow(ENDPOINT, "idle-one");
    SdkClients.giveBack(idle);
    Client ahead = new Client(ENDPOINT).setProject("idle-one");
    SdkClients.prepare(ENDPOINT, "idle-one", () -> ahead);

    assertSame(idle, SdkClients.borrow(ENDPOINT, "idle-one"));
    assertNotSame(ahead, SdkClients.borrow(ENDPOINT, "idle-one"));
  }
}
