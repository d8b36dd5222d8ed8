package id.pijat.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.matching.TherapistSearch;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.DocumentIds;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BookingIdsTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Coordinates MANADO = new Coordinates(1.4748, 124.8421);
  private final BookingIds ids = new BookingIds("a-secret-of-at-least-32-characters!");

  @Test
  void anIdSaysWhereItsBookingIsToWithinItsCell() {
    for (Coordinates place : new Coordinates[] {SEMINYAK, MANADO, new Coordinates(-6.2088, 106.8456)}) {
      String id = ids.next(place);

      assertTrue(DocumentIds.isValid(id), id);
      assertEquals(27, id.length());
      double metres = ids.place(id).orElseThrow().kilometresTo(place) * 1000;
      assertTrue(metres < 110, id + " is " + metres + " m off");
    }
  }

  @Test
  void theCellAnIdSaysIsAlmostAlwaysWhereTheSearchReadsTheSameCellsAsFromTheBookingItself() {
    Random random = new Random(1);
    int same = 0;
    for (int n = 0; n < 2000; n++) {
      // across Indonesia, from Sumatra to Papua
      Coordinates place = new Coordinates(-10 + 16 * random.nextDouble(), 95 + 45 * random.nextDouble());
      Coordinates said = ids.place(ids.next(place)).orElseThrow();
      if (Set.copyOf(TherapistSearch.firstCells(said, 25)).equals(Set.copyOf(TherapistSearch.firstCells(place, 25)))) {
        same++;
      }
    }

    // README: 590 of 20 000 differ; those searches read the booking's own cells a round later
    assertTrue(same >= 1900, same + " of 2000");
  }

  @Test
  void withoutTheSecretTheIdsOfOnePlaceShowNoPattern() {
    Set<String> sealed = new HashSet<>();
    for (int n = 0; n < 50; n++) {
      sealed.add(ids.next(SEMINYAK).substring(20));
    }

    // the same place sealed under 50 keystreams: a repeat would be the place showing through
    assertTrue(sealed.size() >= 48, sealed.toString());
  }

  @Test
  void anotherSecretReadsAnotherPlace() {
    String id = ids.next(SEMINYAK);

    Coordinates read = new BookingIds("another-secret-of-32-characters-or-more").place(id).orElseThrow();

    assertTrue(read.kilometresTo(SEMINYAK) > 1, read.toString());
  }

  @Test
  void withoutASecretAnIdIsRandomAndSaysNothing() {
    String id = BookingIds.PLAIN.next(SEMINYAK);

    assertEquals(20, id.length());
    assertEquals(Optional.empty(), BookingIds.PLAIN.place(id));
    assertEquals(Optional.empty(), BookingIds.PLAIN.place(ids.next(SEMINYAK)));
  }

  @Test
  void anIdNotMadeHereSaysNothing() {
    assertEquals(Optional.empty(), ids.place(DocumentIds.unique()));
    assertEquals(Optional.empty(), ids.place("local-booking-demo-0001"));
    // the sealed part's alphabet stops at 'v'
    assertEquals(Optional.empty(), ids.place(DocumentIds.unique() + "wxyzwxy"));
    assertEquals(Optional.empty(), ids.place(null));
  }
}
