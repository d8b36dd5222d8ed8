package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.InterceptingStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo therapists are users who alone read their own document and week. */
class DemoDataTest {
  @Test
  void eachTherapistBelongsToTheirUserWhoAloneReadsTheirDocumentAndWeek() {
    InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());

    DemoData.loadOnce(store, Instant.parse("2026-11-23T03:00:00Z"));

    assertEquals("therapist-bali-01", store.find("therapists", "bali-01").orElseThrow().string("userId"));
    assertEquals("therapist-jakarta-10", store.find("therapists", "jakarta-10").orElseThrow().string("userId"));
    assertEquals(Set.of("therapist-bali-01"), store.readersOf("therapists", "bali-01"));
    assertEquals(Set.of("therapist-bali-01"), store.readersOf("provider_availability", "bali-01.w0.mon"));
    assertEquals(Set.of("therapist-jakarta-03"), store.readersOf("provider_availability", "jakarta-03.w0.sun"));
  }
}
