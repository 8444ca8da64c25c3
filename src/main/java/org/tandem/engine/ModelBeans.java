package org.tandem.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.tandem.common.UsedInModels;

/**
 * The beans a model's expressions can reach: the product's delegates and listeners, and the beans marked
 * {@link UsedInModels}. Looked up by name when an expression first names one, so the engine can be built before them.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

  private final ListableBeanFactory beans;
  private volatile Set<String> names;

  ModelBeans(ListableBeanFactory beans) {
    this.beans = beans;
  }

  Set<String> names() {
    Set<String> found = names;
    if (found == null) {
      found = new LinkedHashSet<>();
      for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
        found.addAll(Set.of(beans.getBeanNamesForType(type, true, false)));
      }
      found.addAll(Set.of(beans.getBeanNamesForAnnotation(UsedInModels.class)));
      names = Set.copyOf(found);
      found = names;
    }
    return found;
  }

  /** Whether the name is a bean of the application that models may not use. */
  boolean isOutOfReach(String name) {
    return beans.containsBean(name) && !names().contains(name);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && names().contains(name);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? beans.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return names().stream().map(name -> Map.entry((Object) name, beans.getBean(name)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
