package io.tlswatch.analyzer.session;

/**
 * Where finished sessions go. Called on the thread that assembled the session; an implementation
 * that hands sessions to another thread publishes them safely (a concurrent queue).
 */
public interface SessionListener {

    /** A session whose observation ended ({@link TlsSession#end()} says how). */
    void onSession(TlsSession session);
}
