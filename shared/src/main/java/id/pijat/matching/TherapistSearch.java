package id.pijat.matching;

import id.pijat.booking.Coordinates;
import id.pijat.booking.ServiceDuration;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the nearest suitable therapists while reading a bounded number of documents, however many
 * therapists the marketplace has. It reads the covering cells nearest first, in growing groups, and
 * stops as soon as it holds enough candidates that no unread cell could beat, or when it has read
 * {@link #MAX_READS} documents. In a cell so dense that one page of a hundred fills up, it ranks the
 * page it got: every therapist there is within a few kilometres anyway.
 */
public final class TherapistSearch {
  /** Documents one search may read from the therapists collection. */
  public static final int MAX_READS = 300;
  private static final int FIRST_GROUP = 9;

  /** A therapist who qualifies by place and duration, with the distance to the customer. */
  public record Candidate(Therapist therapist, double distanceKm) {
    public int etaMinutes() {
      return TravelTime.minutesFor(distanceKm);
    }
  }

  /** Nearest first; within 100 m of each other the better rated first. */
  public static final Comparator<Candidate> RANKING =
      Comparator.<Candidate>comparingLong(c -> Math.round(c.distanceKm() * 10))
          .thenComparing(c -> -c.therapist().rating())
          .thenComparing(c -> c.therapist().id());

  private final DocumentStore store;

  public TherapistSearch(DocumentStore store) {
    this.store = store;
  }

  /** Up to {@code wanted} candidates, ranked; excluded therapists are never among them. */
  public List<Candidate> nearest(
      Coordinates centre, double radiusKm, ServiceDuration duration, Set<String> excluded, int wanted) {
    List<CellCover.Cell> cells = CellCover.around(centre, radiusKm);
    List<Candidate> found = new ArrayList<>();
    int read = 0;
    int next = 0;
    int group = FIRST_GROUP;
    while (next < cells.size() && read < MAX_READS) {
      List<String> codes = cells.subList(next, Math.min(cells.size(), next + group)).stream().map(CellCover.Cell::code).toList();
      next += codes.size();
      group = Math.min(Query.MAX_LIMIT, group * 2);
      List<Document> page =
          store.list(
              Therapist.COLLECTION,
              List.of(
                  Query.equalAny("geoCell", codes),
                  Query.equal("status", Therapist.AVAILABLE),
                  Query.limit(Math.min(Query.MAX_LIMIT, MAX_READS - read))));
      read += page.size();
      for (Document document : page) {
        Therapist therapist = Therapist.fromDocument(document);
        double distance = centre.kilometresTo(therapist.location());
        if (distance <= radiusKm && therapist.offers(duration) && !excluded.contains(therapist.id())) {
          found.add(new Candidate(therapist, distance));
        }
      }
      found.sort(RANKING);
      double unreadNearest = next < cells.size() ? cells.get(next).nearestKm() : Double.MAX_VALUE;
      if (found.size() >= wanted && found.get(wanted - 1).distanceKm() <= unreadNearest) {
        break;
      }
    }
    return List.copyOf(found.subList(0, Math.min(wanted, found.size())));
  }
}
