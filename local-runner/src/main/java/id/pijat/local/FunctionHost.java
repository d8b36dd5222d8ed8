package id.pijat.local;

import id.pijat.function.Backends;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One function's code, loaded like Appwrite's java runtime loads it: io.openruntimes.java.src.Main
 * from the function's own classes, in a class loader of its own (every function has a Main of that
 * name), and a new instance for every request. Where the runtime makes it with {@code new Main()}
 * (Appwrite's backend), the runner makes it with {@code new Main(backends)}: the embedded database.
 */
final class FunctionHost {
  static final String ENTRYPOINT_CLASS = "io.openruntimes.java.src.Main";

  private final String functionId;
  private final Constructor<?> make;
  private final Method main;
  private final Backends backends;

  private FunctionHost(String functionId, Class<?> mainClass, Backends backends) throws NoSuchMethodException {
    this.functionId = functionId;
    this.make = mainClass.getConstructor(Backends.class);
    this.main = mainClass.getMethod("main", RuntimeContext.class);
    this.backends = backends;
  }

  /**
   * @param classes the function module's compiled classes (functions/ID/target/classes)
   * @param backends what every execution of the function works on
   */
  static FunctionHost load(String functionId, Path classes, Backends backends) {
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("no compiled classes for " + functionId + " at " + classes + ": build first");
    }
    try {
      URLClassLoader loader =
          new URLClassLoader(functionId, new URL[] {classes.toUri().toURL()}, FunctionHost.class.getClassLoader());
      return new FunctionHost(functionId, loader.loadClass(ENTRYPOINT_CLASS), backends);
    } catch (MalformedURLException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot load " + ENTRYPOINT_CLASS + " of " + functionId, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(ENTRYPOINT_CLASS + " of " + functionId
          + " needs main(RuntimeContext) and a constructor Main(Backends), as functions/createBooking/src/Main.java has", e);
    }
  }

  String functionId() {
    return functionId;
  }

  RuntimeOutput run(RuntimeContext context) throws Exception {
    Object instance = make.newInstance(backends);
    try {
      return (RuntimeOutput) main.invoke(instance, context);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
