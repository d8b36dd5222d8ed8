package id.pijat.local.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.matching.TherapistSearch;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import id.pijat.therapist.Therapists;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A search reads a bounded number of therapist documents however many therapists there are: the
 * same search over 1 000 and over 100 000 therapists, spread over a 60 km square around Jakarta,
 * on the embedded database with the real appwrite.json schema and indexes.
 */
class MatchingScaleTest {
  private static final Coordinates JAKARTA = new Coordinates(-6.2088, 106.8456);

  private record Placed(String id, Coordinates at) {}

  private static List<Placed> spread(H2DocumentStore store, int count) {
    Random random = new Random(7);
    List<Placed> placed = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Coordinates at = new Coordinates(
          JAKARTA.lat() + (random.nextDouble() - 0.5) * 60 / 111.32,
          JAKARTA.lng() + (random.nextDouble() - 0.5) * 60 / 110.6);
      Map<String, Object> therapist = new HashMap<>();
      therapist.put("name", "T" + n);
      therapist.put("rating", 4.0 + random.nextInt(10) / 10.0);
      therapist.put("supportedDurations", List.of("60", "90", "120"));
      therapist.put("status", "available");
      therapist.put("lat", at.lat());
      therapist.put("lng", at.lng());
      therapist.put("geoCell", GeoCell.of(at));
      String id = "t" + n;
      store.create("therapists", id, therapist, Set.of());
      placed.add(new Placed(id, at));
    }
    return placed;
  }

  private static long readsForOneSearch(int therapists, List<String> nearestOut) {
    AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
    try (H2DocumentStore store =
        H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), MutableClock.at("2026-11-23T03:00:00Z"))) {
      List<Placed> placed = spread(store, therapists);
      long before = store.documentsRead();
      List<TherapistSearch.Candidate> found =
          new TherapistSearch(new Therapists(store)).nearest(JAKARTA, 25, ServiceDuration.MINUTES_60, Set.of(), 10, null);
      long reads = store.documentsRead() - before;
      found.forEach(candidate -> nearestOut.add(candidate.therapist().id()));
      if (therapists <= 1_000) {
        List<String> bruteForce = placed.stream()
            .sorted(Comparator.comparingDouble(p -> JAKARTA.kilometresTo(p.at())))
            .limit(10).map(Placed::id).toList();
        assertEquals(bruteForce, nearestOut, "the ten nearest of all, found without reading all");
      }
      return reads;
    }
  }

  @Test
  void documentsReadPerSearchDoNotGrowWithTheNumberOfTherapists() {
    List<String> fromThousand = new ArrayList<>();
    List<String> fromHundredThousand = new ArrayList<>();
    long thousand = readsForOneSearch(1_000, fromThousand);
    long hundredThousand = readsForOneSearch(100_000, fromHundredThousand);

    System.out.printf("therapist documents read per search: %d with 1 000 therapists, %d with 100 000%n", thousand, hundredThousand);
    // the search's own cap (MAX_READS) would hold whatever it did; these bounds are earned by the
    // cell index (about half of the 1 000 lie within 25 km) and by stopping once no unread cell can
    // hold anyone nearer (one page, however dense the cells)
    assertTrue(thousand <= 100, "1 000 therapists: " + thousand + " read");
    assertTrue(hundredThousand <= Query.MAX_LIMIT, "100 000 therapists: " + hundredThousand + " read");
    assertEquals(10, fromHundredThousand.size());
  }
}
