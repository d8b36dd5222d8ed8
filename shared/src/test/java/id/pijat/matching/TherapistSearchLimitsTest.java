package id.pijat.matching;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Document;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.TherapistDocuments;
import id.pijat.therapist.Therapists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search's ranking ties, its radius boundary, and what it may read: at most its budget, and no more once the answer is sure. */
class TherapistSearchLimitsTest {
  private static final Coordinates KUTA = new Coordinates(-8.7180, 115.1686);
  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  private final TherapistFixtures fixtures = new TherapistFixtures(store);
  private final TherapistSearch search = new TherapistSearch(new Therapists(store));

  private List<TherapistSearch.Candidate> nearest(double radiusKm, int wanted) {
    return search.nearest(KUTA, radiusKm, ServiceDuration.MINUTES_60, Set.of(), wanted, null);
  }

  private List<String> ids(double radiusKm) {
    return nearest(radiusKm, 10).stream().map(c -> c.therapist().id()).toList();
  }

  @Test
  void withinAHundredMetresTheBetterRatedComesFirstWhateverTheirNames() {
    fixtures.add("agus", offset(KUTA, 0, 2), 4.2);
    fixtures.add("zara", offset(KUTA, 2, 0), 4.9);

    assertEquals(List.of("zara", "agus"), ids(25));
  }

  @Test
  void equallyNearAndEquallyRatedTherapistsComeInTheOrderOfTheirIdsNotOfTheStore() {
    fixtures.add("wayan", offset(KUTA, 2, 0), 4.5);
    fixtures.add("komang", offset(KUTA, 0, 2), 4.5);

    assertEquals(List.of("komang", "wayan"), ids(25));
  }

  @Test
  void aTherapistExactlyAtTheRadiusIsWithinIt() {
    Coordinates at = offset(KUTA, 3, 4);
    fixtures.add("edge", at, 4.5);

    assertEquals(List.of("edge"), ids(KUTA.kilometresTo(at)));
  }

  @Test
  void anEtaIsTheDistanceAtUrbanSpeed() {
    fixtures.add("ten", offset(KUTA, 9.9, 0), 4.5);

    TherapistSearch.Candidate candidate = nearest(25, 1).get(0);

    assertEquals(30, candidate.etaMinutes(), "9.9 km at 20 km/h");
  }

  @Test
  void aDenseAreaIsReadNoFurtherThanTheBudget() {
    // five therapists in each of the nine nearest cells and ten in every other, none offering 60 minutes:
    // nothing stops the search early, and its pages come neither all full nor all partial
    List<CellCover.Cell> cells = CellCover.around(KUTA, 24);
    Map<String, Integer> room = new HashMap<>();
    for (int n = 0; n < cells.size(); n++) {
      room.put(cells.get(n).code(), n < 9 ? 5 : 10);
    }
    for (int north = -35; north <= 35; north++) {
      for (int east = -35; east <= 35; east++) {
        Coordinates at = offset(KUTA, north * 0.7, east * 0.7);
        String cell = GeoCell.of(at);
        if (KUTA.kilometresTo(at) <= 24 && room.getOrDefault(cell, 0) > 0) {
          room.merge(cell, -1, Integer::sum);
          fixtures.add("t" + north + "_" + east, at, 4.0, List.of("120"), "available");
        }
      }
    }

    assertTrue(nearest(50, 10).isEmpty());

    int read = store.documentsRead(Therapists.COLLECTION);
    assertTrue(read <= TherapistSearch.MAX_READS, read + " documents read");
  }

  @Test
  void theSearchStopsReadingOnceNoUnreadCellCouldHoldSomeoneNearer() {
    fixtures.add("a", offset(KUTA, 0.1, 0), 4.5);
    fixtures.add("b", offset(KUTA, 0, 0.2), 4.5);
    fixtures.add("c", offset(KUTA, -0.3, 0), 4.5);
    fixtures.add("far", offset(KUTA, 20, 0), 5.0);

    assertEquals(3, nearest(25, 3).size());

    assertEquals(1, store.lists(Therapists.COLLECTION), "the first group of cells holds three nearer than any other cell");
  }

  @Test
  void aTherapistWithoutARatingOrTypeReadsAsAnUnratedTherapist() {
    Therapist bare = TherapistDocuments.therapist(new Document("bare", Map.of("name", "Bare", "lat", -8.7, "lng", 115.2)));
    Therapist full = TherapistDocuments.therapist(new Document("spa", Map.of("rating", 4.5, "providerType", "place", "lat", -8.7, "lng", 115.2)));

    assertEquals(0, bare.rating());
    assertEquals("therapist", bare.providerType());
    assertEquals(4.5, full.rating());
    assertEquals("place", full.providerType());
  }
}
