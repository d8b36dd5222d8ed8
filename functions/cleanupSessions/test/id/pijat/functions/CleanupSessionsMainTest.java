package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cleanupSessions as Appwrite's scheduler calls it: no body, trigger "schedule". */
class CleanupSessionsMainTest {
  @Test
  void answersTheCountsOfWhatItDid() throws Exception {
    InMemoryDocumentStore store = new InMemoryDocumentStore();
    ChatFixtures.activeSession(store, "s1", Instant.parse("2026-11-23T02:00:00Z"));

    Main main = new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()))));

    RuntimeOutput output = main.main(RuntimeCalls.post("", Map.of("x-appwrite-trigger", "schedule")));

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals(1, data.get("sessionsDeactivated").getAsInt());
    assertEquals(0, data.get("bookingsCompleted").getAsInt());
    assertFalse(data.get("more").getAsBoolean());
    assertEquals(0, data.getAsJsonArray("unfinished").size());
  }
}
