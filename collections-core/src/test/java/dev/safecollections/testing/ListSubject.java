package dev.safecollections.testing;

import dev.safecollections.BoundedIntList;
import dev.safecollections.BoundedList;
import dev.safecollections.BoundedLongList;
import dev.safecollections.SafeCollection;
import dev.safecollections.SafeListBuilder;
import dev.safecollections.internal.ring.RingBacked;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One list seen through int elements and driven through its own typed API, so one model-based
 * test covers the object list and both primitive lists.
 */
public abstract class ListSubject {

  /** The three lists, each built by a configured builder. */
  public enum Kind {
    OBJECT(b -> new Objects(b.build())),
    LONGS(b -> new Longs(b.buildLongs())),
    INTS(b -> new Ints(b.buildInts()));

    private final Function<SafeListBuilder<Object>, ListSubject> factory;

    Kind(Function<SafeListBuilder<Object>, ListSubject> factory) {
      this.factory = factory;
    }

    public ListSubject create(SafeListBuilder<Object> builder) {
      return factory.apply(builder);
    }
  }

  private final List<?> list;

  ListSubject(List<?> list) {
    this.list = list;
  }

  public SafeCollection collection() {
    return (SafeCollection) list;
  }

  public abstract void add(int element);

  public abstract void add(int index, int element);

  public abstract int get(int index);

  public abstract int set(int index, int element);

  public abstract int remove(int index);

  public int size() {
    return list.size();
  }

  public void clear() {
    list.clear();
  }

  /** The elements in order, read through the list's iterator. */
  public List<String> contents() {
    List<String> out = new ArrayList<>();
    for (Object e : list) {
      out.add(String.valueOf(e));
    }
    return out;
  }

  public void validate() {
    ((RingBacked) list).validate();
  }

  private static final class Objects extends ListSubject {
    final BoundedList<Integer> l;

    Objects(BoundedList<Integer> l) {
      super(l);
      this.l = l;
    }

    @Override public void add(int e) { l.add(e); }
    @Override public void add(int i, int e) { l.add(i, e); }
    @Override public int get(int i) { return l.get(i); }
    @Override public int set(int i, int e) { return l.set(i, e); }
    @Override public int remove(int i) { return i == 0 ? l.removeFirst() : l.remove(i); }
  }

  private static final class Longs extends ListSubject {
    final BoundedLongList l;

    Longs(BoundedLongList l) {
      super(l);
      this.l = l;
    }

    @Override public void add(int e) { l.add((long) e); }
    @Override public void add(int i, int e) { l.add(i, (long) e); }
    @Override public int get(int i) { return (int) l.getLong(i); }
    @Override public int set(int i, int e) { return (int) l.set(i, (long) e); }
    @Override public int remove(int i) { return (int) l.removeLong(i); }
  }

  private static final class Ints extends ListSubject {
    final BoundedIntList l;

    Ints(BoundedIntList l) {
      super(l);
      this.l = l;
    }

    @Override public void add(int e) { l.add(e); }
    @Override public void add(int i, int e) { l.add(i, e); }
    @Override public int get(int i) { return l.getInt(i); }
    @Override public int set(int i, int e) { return l.set(i, e); }
    @Override public int remove(int i) { return l.removeInt(i); }
  }
}
