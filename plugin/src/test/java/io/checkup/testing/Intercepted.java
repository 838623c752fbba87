package io.checkup.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * An interface implemented by a target with a handler in between, for tests that make a data source
 * or a connection fail, or count what is asked of it: the handler sees each call and decides
 * whether and when the target answers. What the target throws reaches the caller as it was thrown.
 */
public final class Intercepted {

  private Intercepted() {}

  /** The call to the target, made when the handler asks for it. */
  public interface Target {
    Object call() throws Throwable;
  }

  /** Sees every call of the interface. */
  public interface Handler {
    Object handle(Method method, Object[] arguments, Target target) throws Throwable;
  }

  public static <T> T by(Class<T> type, T target, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            Intercepted.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) ->
                handler.handle(method, arguments, () -> call(method, target, arguments))));
  }

  private static Object call(Method method, Object target, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
