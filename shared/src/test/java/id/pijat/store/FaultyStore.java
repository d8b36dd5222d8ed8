package id.pijat.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A store that fails as Appwrite over a network can, on the calls a test picks: each fault is armed
 * for one matching call (or a few) and then spent. Everything else passes through to the store below.
 */
public final class FaultyStore implements DocumentStore {
  /** What goes wrong with a call. */
  public enum Fault {
    /** Nothing reached the database (connection refused, 429): StoreUnavailableException. */
    FAIL_BEFORE,
    /** The write was applied, then the answer was lost (a 500 after the write, a read timeout). */
    APPLY_THEN_UNKNOWN,
    /** The write was applied, the connection dropped, the transport re-sent it and got 409. */
    APPLY_THEN_CONFLICT_ON_RESEND,
    /** The deadline passed before the write reached the database; it never lands. */
    TIME_OUT
  }

  /** Which calls a fault hits: the operation ("create", "find", "update", "delete", "list") and collection. */
  public record Call(String operation, String collection, String id) {}

  private record Armed(Fault fault, String operation, String collection, String idPrefix, int[] left) {
    boolean matches(Call call) {
      return operation.equals(call.operation())
          && collection.equals(call.collection())
          && (idPrefix == null || (call.id() != null && call.id().startsWith(idPrefix)));
    }
  }

  private final DocumentStore below;
  private final List<Armed> armed = new ArrayList<>();
  private final List<Call> hits = new ArrayList<>();

  public FaultyStore(DocumentStore below) {
    this.below = below;
  }

  /** Arms a fault for the next call of this operation on this collection. */
  public FaultyStore on(String operation, String collection, Fault fault) {
    return on(operation, collection, null, fault, 1);
  }

  /** Arms a fault for the next {@code times} calls of this operation on documents whose ID starts so. */
  public synchronized FaultyStore on(String operation, String collection, String idPrefix, Fault fault, int times) {
    armed.add(new Armed(fault, operation, collection, idPrefix, new int[] {times}));
    return this;
  }

  /** The calls a fault was injected into, in order. */
  public synchronized List<Call> hits() {
    return List.copyOf(hits);
  }

  private synchronized Optional<Fault> take(Call call) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed next = it.next();
      if (next.matches(call)) {
        if (--next.left()[0] == 0) {
          it.remove();
        }
        hits.add(call);
        return Optional.of(next.fault());
      }
    }
    return Optional.empty();
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    Optional<Fault> fault = take(new Call("create", collection, id));
    if (fault.isEmpty()) {
      return below.create(collection, id, data, readers);
    }
    switch (fault.get()) {
      case FAIL_BEFORE -> throw new StoreUnavailableException("injected: refused", null);
      case TIME_OUT -> throw new WriteOutcomeUnknownException("injected: timed out before landing", null);
      case APPLY_THEN_UNKNOWN -> {
        below.create(collection, id, data, readers);
        throw new WriteOutcomeUnknownException("injected: applied, answer lost", null);
      }
      case APPLY_THEN_CONFLICT_ON_RESEND -> {
        below.create(collection, id, data, readers);
        throw new DocumentExistsException(collection, id);
      }
    }
    throw new AssertionError(fault);
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    read(new Call("find", collection, id));
    return below.find(collection, id);
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    return update(new Call("update", collection, id), () -> below.update(collection, id, changes));
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    return update(new Call("update", collection, id), () -> below.updateWithReaders(collection, id, changes, readers));
  }

  private Document update(Call call, Supplier<Document> update) {
    Optional<Fault> fault = take(call);
    if (fault.isEmpty()) {
      return update.get();
    }
    switch (fault.get()) {
      case FAIL_BEFORE -> throw new StoreUnavailableException("injected: refused", null);
      case TIME_OUT -> throw new WriteOutcomeUnknownException("injected: timed out before landing", null);
      default -> {
        update.get();
        throw new WriteOutcomeUnknownException("injected: applied, answer lost", null);
      }
    }
  }

  @Override
  public void delete(String collection, String id) {
    Optional<Fault> fault = take(new Call("delete", collection, id));
    if (fault.isEmpty()) {
      below.delete(collection, id);
      return;
    }
    switch (fault.get()) {
      case FAIL_BEFORE -> throw new StoreUnavailableException("injected: refused", null);
      case TIME_OUT -> throw new WriteOutcomeUnknownException("injected: timed out before landing", null);
      default -> {
        below.delete(collection, id);
        throw new WriteOutcomeUnknownException("injected: applied, answer lost", null);
      }
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    read(new Call("list", collection, null));
    return below.list(collection, queries);
  }

  /** A read that fails failed before anything was asked: reads are safe to repeat. */
  private void read(Call call) {
    if (take(call).isPresent()) {
      throw new StoreUnavailableException("injected: read failed", null);
    }
  }
}
