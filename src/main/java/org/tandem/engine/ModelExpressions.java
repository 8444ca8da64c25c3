package org.tandem.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The expression manager of the models: only {@link ModelBeans} by name, and no way from any value to the engine's
 * services, to classes, class loaders or the runtime (a model is data an administrator deploys, never a program).
 */
final class ModelExpressions extends SpringExpressionManager {

  /** Members no expression may reach, whatever it starts from. */
  static final Set<String> DENIED_MEMBERS = Set.of("class", "getClass", "classLoader", "getClassLoader", "forName",
      "newInstance", "processEngineServices", "getProcessEngineServices", "processEngine", "getProcessEngine",
      "processEngineConfiguration", "getProcessEngineConfiguration", "getRuntime", "exec", "exit", "load",
      "loadLibrary", "getMethod", "getDeclaredMethod", "getMethods", "getDeclaredMethods", "invoke",
      "setAccessible", "getConstructor", "getDeclaredConstructor");

  ModelExpressions(ApplicationContext context, ModelBeans beans) {
    super(context, beans);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new MemberGuard());
    resolver.add(super.createElResolver());
    return resolver;
  }

  /** Refuses the members of {@link #DENIED_MEMBERS}, and every member of a class, class loader or the runtime. */
  static final class MemberGuard extends ELResolver {

    private static void refuse(Object base, Object member) {
      if (base == null) {
        return;
      }
      boolean dangerous = base instanceof Class<?> || base instanceof ClassLoader || base instanceof Runtime
          || base instanceof ProcessBuilder || base instanceof Thread;
      if (dangerous || (member != null && DENIED_MEMBERS.contains(member.toString()))) {
        throw new ProcessEngineException("A model's expression may not reach '" + member + "'.");
      }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      refuse(base, method);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      refuse(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      refuse(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
