package id.pijat.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The weeks the candidates of a round name, read in as few requests as their number allows. */
class ProviderAvailabilityTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  /** A Monday, 10:00 WITA. */
  private static final Instant MONDAY_TEN = Instant.parse("2026-11-23T02:00:00Z");

  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final TherapistFixtures fixtures = new TherapistFixtures(data);
  private final Therapists therapists = new Therapists(data);
  private final ProviderAvailability availability = new ProviderAvailability(store);

  private Therapist therapist(String id) {
    return therapists.find(id).orElseThrow();
  }

  @Test
  void noTherapistsCostNoRequest() {
    assertEquals(0, availability.weeksOf(List.of()).size());
    assertEquals(0, store.lists(ProviderAvailability.COLLECTION));
  }

  @Test
  void aWeekIsReadForEachTherapistWhoseDocumentNamesOne() {
    fixtures.add("ayu", KUTA, 4.8);
    fixtures.add("made", KUTA, 4.5, List.of("60"), "available");

    assertEquals(Set.of("ayu"), availability.weeksOf(List.of(therapist("ayu"), therapist("made"))).keySet());
    assertEquals(1, store.lists(ProviderAvailability.COLLECTION));
  }

  @Test
  void fourteenWeeksFillOneRequest() {
    List<Therapist> fifteen = new ArrayList<>();
    for (int n = 0; n < 15; n++) {
      fixtures.add("t" + n, KUTA, 4.5);
      fifteen.add(therapist("t" + n));
    }

    assertEquals(15, availability.weeksOf(fifteen).size());
    assertEquals(2, store.lists(ProviderAvailability.COLLECTION));
  }

  @Test
  void rowsOfAWeekTheDocumentDoesNotNameAreNotRead() {
    fixtures.add("ayu", KUTA, 4.8);
    Therapist namingTheFirst = therapist("ayu");
    fixtures.week("ayu", "Asia/Makassar", "20:00", "04:00");

    assertTrue(availability.weeksOf(List.of(namingTheFirst)).get("ayu").isOpenAt(MONDAY_TEN), "the first week, around the clock");
    assertFalse(availability.weeksOf(List.of(therapist("ayu"))).get("ayu").isOpenAt(MONDAY_TEN), "the second, by night");
  }

  @Test
  void aWeekMissingADayIsNoWeek() {
    fixtures.add("ayu", KUTA, 4.8);
    data.delete(ProviderAvailability.COLLECTION, therapist("ayu").weekVersion() + ".wed");

    assertEquals(Map.of(), availability.weeksOf(List.of(therapist("ayu"))));
  }

  @Test
  void aWeekWhoseRowsBelongToAnotherProviderIsNoWeek() {
    fixtures.add("ayu", KUTA, 4.8);
    fixtures.add("made", KUTA, 4.5, List.of("60"), "available");
    data.update(Therapists.COLLECTION, "made", Map.of("weekVersion", therapist("ayu").weekVersion()));

    assertEquals(Set.of("ayu"), availability.weeksOf(List.of(therapist("ayu"), therapist("made"))).keySet());
  }
}
