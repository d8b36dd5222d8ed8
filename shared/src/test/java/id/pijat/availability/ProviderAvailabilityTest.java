package id.pijat.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.TherapistFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weeks of the candidates of a round, read in as few requests as their number allows. */
class ProviderAvailabilityTest {
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final ProviderAvailability availability = new ProviderAvailability(store);

  @Test
  void noProvidersCostNoRequest() {
    assertEquals(0, availability.weeksOf(List.of()).size());
    assertEquals(0, store.lists(ProviderAvailability.COLLECTION));
  }

  @Test
  void aWeekIsReadForEachProviderWithRows() {
    new TherapistFixtures(data).week("ayu", "Asia/Makassar", "08:00", "22:00");

    assertEquals(List.of("ayu"), List.copyOf(availability.weeksOf(List.of("ayu", "made")).keySet()));
    assertEquals(1, store.lists(ProviderAvailability.COLLECTION));
  }
}
