package id.pijat.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cells a search reads: every cell the circle reaches, wherever its centre lies within a cell. */
class CellCoverTest {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** The point {@code km} due east (or west, when negative) along the centre's parallel, by great-circle distance. */
  private static Coordinates alongParallel(Coordinates centre, double km) {
    double degrees = Math.toDegrees(2 * Math.asin(Math.sin(Math.abs(km) / (2 * EARTH_RADIUS_KM)) / Math.cos(Math.toRadians(centre.lat()))));
    return new Coordinates(centre.lat(), centre.lng() + Math.signum(km) * degrees);
  }

  private static boolean covers(List<CellCover.Cell> cells, Coordinates point) {
    return cells.stream().anyMatch(cell -> cell.code().equals(GeoCell.of(point)));
  }

  @Test
  void theCoverReachesDueEastAndWestAtTheCirclesFullWidthWhereverTheCentreSitsInItsCell() {
    for (double latitude : new double[] {-8.7, -45}) {
      for (int step = 0; step < 40; step++) {
        Coordinates centre = new Coordinates(latitude, 115.17 + step * CellCover.CELL_WIDTH / 40);
        List<CellCover.Cell> cells = CellCover.around(centre, 25);

        assertTrue(covers(cells, alongParallel(centre, 24.99)), "east of " + centre);
        assertTrue(covers(cells, alongParallel(centre, -24.99)), "west of " + centre);
      }
    }
  }

  @Test
  void aCellTheCircleJustTouchesIsCovered() {
    Coordinates kuta = new Coordinates(-8.7180, 115.1686);
    List<CellCover.Cell> cells = CellCover.around(kuta, 10);
    CellCover.Cell farthest = cells.get(cells.size() - 1);

    List<CellCover.Cell> touching = CellCover.around(kuta, farthest.nearestKm());

    assertTrue(touching.contains(farthest), "a therapist exactly at the radius may be in that cell");
  }

  @Test
  void aPointOnACellsEdgeBelongsToTheCellNorthAndEastOfItAsInEveryGeohash() {
    assertEquals("s0000", GeoCell.of(new Coordinates(0, 0)));
    assertEquals("7zzzz", GeoCell.of(new Coordinates(-1e-9, -1e-9)));
  }
}
