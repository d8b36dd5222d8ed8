package id.pijat.therapist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.TherapistFixtures;
import org.junit.jupiter.api.Test;

/** A therapist is found by the Appwrite user who is one, and by no one else's. */
class TherapistsTest {
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Therapists therapists = new Therapists(store);

  @Test
  void theTherapistOfAUserIsFoundByThatUserOnly() {
    new TherapistFixtures(store).add("ayu", new Coordinates(-8.69, 115.17), 4.8);
    TherapistFixtures.belongsTo(store, "ayu", "user-ayu");

    assertEquals("ayu", therapists.ofUser("user-ayu").orElseThrow().id());
    assertTrue(therapists.ofUser("user-made").isEmpty());
  }
}
