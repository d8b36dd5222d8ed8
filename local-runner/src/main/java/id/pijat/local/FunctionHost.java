package id.pijat.local;

import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
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
 * name), and a new instance for every request.
 */
final class FunctionHost {
  static final String ENTRYPOINT_CLASS = "io.openruntimes.java.src.Main";

  private final String functionId;
  private final Class<?> mainClass;
  private final Method main;

  private FunctionHost(String functionId, Class<?> mainClass) throws NoSuchMethodException {
    this.functionId = functionId;
    this.mainClass = mainClass;
    this.main = mainClass.getMethod("main", RuntimeContext.class);
  }

  /** @param classes the function module's compiled classes (functions/ID/target/classes) */
  static FunctionHost load(String functionId, Path classes) {
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("no compiled classes for " + functionId + " at " + classes + ": build first");
    }
    try {
      URLClassLoader loader =
          new URLClassLoader(functionId, new URL[] {classes.toUri().toURL()}, FunctionHost.class.getClassLoader());
      return new FunctionHost(functionId, loader.loadClass(ENTRYPOINT_CLASS));
    } catch (MalformedURLException | ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot load " + ENTRYPOINT_CLASS + " of " + functionId, e);
    }
  }

  String functionId() {
    return functionId;
  }

  RuntimeOutput run(RuntimeContext context) throws Exception {
    Object instance = mainClass.getDeclaredConstructor().newInstance();
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
