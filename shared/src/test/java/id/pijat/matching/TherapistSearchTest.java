package id.pijat.matching;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.CountingStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TherapistSearchTest {
  private static final Coordinates KUTA = new Coordinates(-8.7180, 115.1686);
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final TherapistFixtures fixtures = new TherapistFixtures(store);
  private final TherapistSearch search = new TherapistSearch(new Therapists(store));

  private List<String> ids(double radiusKm, ServiceDuration duration, Set<String> excluded) {
    return search.nearest(KUTA, radiusKm, duration, excluded, 10, null).stream().map(c -> c.therapist().id()).toList();
  }

  @Test
  void nearestComesFirstAcrossCells() {
    fixtures.add("far", offset(KUTA, 12, 0), 5.0);
    fixtures.add("near", offset(KUTA, 0, 0.4), 3.0);
    fixtures.add("middle", offset(KUTA, -3, 4), 4.0);

    assertEquals(List.of("near", "middle", "far"), ids(25, ServiceDuration.MINUTES_60, Set.of()));
  }

  @Test
  void ratingBreaksTiesInDistance() {
    fixtures.add("good", offset(KUTA, 2, 0), 4.2);
    fixtures.add("best", offset(KUTA, 0, 2), 4.9);

    assertEquals(List.of("best", "good"), ids(25, ServiceDuration.MINUTES_60, Set.of()));
  }

  @Test
  void theRadiusIsAGreatCircleDistanceNotACell() {
    fixtures.add("inside", offset(KUTA, 9.9, 0), 4.0);
    fixtures.add("outside", offset(KUTA, 7.2, 7.2), 4.0);

    assertEquals(List.of("inside"), ids(10, ServiceDuration.MINUTES_60, Set.of()));
  }

  @Test
  void onlyTherapistsWhoOfferTheDurationAndAreAvailable() {
    fixtures.add("short-only", offset(KUTA, 1, 0), 4.0, List.of("60"), "available");
    fixtures.add("all", offset(KUTA, 2, 0), 4.0, List.of("60", "90", "120"), "available");
    fixtures.add("offline", offset(KUTA, 0.5, 0), 4.0, List.of("60", "90", "120"), "offline");
    fixtures.add("busy", offset(KUTA, 0.6, 0), 4.0, List.of("60", "90", "120"), "busy");

    assertEquals(List.of("all"), ids(25, ServiceDuration.MINUTES_120, Set.of()));
    assertEquals(List.of("short-only", "all"), ids(25, ServiceDuration.MINUTES_60, Set.of()));
  }

  @Test
  void theDistanceShownIsToTheCoarsePositionSoThatBookingsFromSeveralPlacesCannotPinATherapistDown() {
    // two therapists in the same 0.01° square, 300 m apart: from wherever a customer books, they are
    // shown at the same distance with the same ETA (exact distances from three places would give
    // each one's position to a few metres)
    Coordinates square = new Coordinates(-8.71, 115.17);
    fixtures.add("west", new Coordinates(-8.7115, 115.1685), 4.0);
    fixtures.add("east", new Coordinates(-8.7085, 115.1712), 4.0);
    for (Coordinates customer : List.of(KUTA, offset(KUTA, 3, 1), offset(KUTA, -2, 4))) {
      List<TherapistSearch.Candidate> found = search.nearest(customer, 25, ServiceDuration.MINUTES_60, Set.of(), 10, null);
      assertEquals(2, found.size());
      double shown = Math.round(customer.kilometresTo(square) * 10) / 10.0;
      assertEquals(List.of(shown, shown), found.stream().map(TherapistSearch.Candidate::shownKm).toList());
      assertEquals(found.get(0).etaMinutes(), found.get(1).etaMinutes());
      assertTrue(found.get(0).distanceKm() != found.get(1).distanceKm(), "ranked by the exact distances");
    }
  }

  @Test
  void passedOverTherapistsAreNotFound() {
    fixtures.add("declined", offset(KUTA, 1, 0), 4.0);
    fixtures.add("next", offset(KUTA, 2, 0), 4.0);

    assertEquals(List.of("next"), ids(25, ServiceDuration.MINUTES_60, Set.of("declined")));
  }

  @Test
  void theCoverReachesEveryCellTheCircleTouches() {
    List<CellCover.Cell> cells = CellCover.around(KUTA, 25);
    assertEquals(GeoCell.of(KUTA), cells.get(0).code());
    assertEquals(0.0, cells.get(0).nearestKm());
    for (double bearing = 0; bearing < 360; bearing += 15) {
      Coordinates edge = offset(KUTA, 24.9 * Math.cos(Math.toRadians(bearing)), 24.9 * Math.sin(Math.toRadians(bearing)));
      assertTrue(
          cells.stream().anyMatch(cell -> cell.code().equals(GeoCell.of(edge))),
          "the cell at bearing " + bearing + " is covered");
    }
  }

  @Test
  void etaIsDistanceAtUrbanSpeedWithAFloor() {
    assertEquals(5, TravelTime.minutesFor(0.3));
    assertEquals(30, TravelTime.minutesFor(10));
    assertEquals(31, TravelTime.minutesFor(10.1));
  }

  @Test
  void theNearestCellsReadAheadAroundTheSamePlaceAreNotReadAgain() {
    fixtures.add("near", offset(KUTA, 0, 0.4), 3.0);
    fixtures.add("middle", offset(KUTA, -3, 4), 4.0);
    CountingStore counted = new CountingStore(store);
    TherapistSearch counting = new TherapistSearch(new Therapists(counted));
    TherapistSearch.FirstGroup readAhead = counting.readFirstGroup(KUTA, 25);
    counted.reset();

    List<TherapistSearch.Candidate> found = counting.nearest(KUTA, 25, ServiceDuration.MINUTES_60, Set.of(), 2, readAhead);

    assertEquals(List.of("near", "middle"), found.stream().map(c -> c.therapist().id()).toList());
    assertEquals(0, counted.requests(), counted.log().toString());
  }

  @Test
  void cellsReadAheadAroundAnotherPlaceAreReadAgainAroundTheCentre() {
    fixtures.add("near", offset(KUTA, 0, 0.4), 3.0);
    TherapistSearch.FirstGroup elsewhere = search.readFirstGroup(offset(KUTA, 40, 0), 25);

    List<TherapistSearch.Candidate> found = search.nearest(KUTA, 25, ServiceDuration.MINUTES_60, Set.of(), 10, elsewhere);

    assertEquals(List.of("near"), found.stream().map(c -> c.therapist().id()).toList());
  }
}
