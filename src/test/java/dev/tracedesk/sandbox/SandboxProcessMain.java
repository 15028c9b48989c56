package dev.tracedesk.sandbox;

import java.nio.file.Path;

/** Runs a sandbox in its own JVM for the durability test: prints "PORT n" when ready, then runs until killed. */
public final class SandboxProcessMain {
    private SandboxProcessMain() {}

    public static void main(String[] args) throws Exception {
        Sandbox sb = Sandbox.start(Sandbox.Config.defaults().port(0).dataDir(Path.of(args[0])));
        System.out.println("PORT " + sb.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
