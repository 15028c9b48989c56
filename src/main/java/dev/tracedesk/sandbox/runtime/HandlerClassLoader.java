package dev.tracedesk.sandbox.runtime;

import java.io.IOException;
import java.io.InputStream;

/**
 * One per container: defines the handler classes ({@code dev.tracedesk.shop.handlers.*}) afresh from the
 * application's class files, so each cold start really loads and statically initialises the handler code, as a new
 * Lambda execution environment does. Everything else (the ShopFunction contract, JDK, Jackson) comes from the parent,
 * so the runtime can call the handler through the shared interface.
 */
final class HandlerClassLoader extends ClassLoader {
    static final String HANDLER_PACKAGE = "dev.tracedesk.shop.handlers.";

    static {
        registerAsParallelCapable();
    }

    HandlerClassLoader(ClassLoader parent) {
        super("lambda-container", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(HANDLER_PACKAGE)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) c = findClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) throw new ClassNotFoundException(name);
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
