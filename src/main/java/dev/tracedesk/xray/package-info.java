/**
 * The X-Ray domain, free of JavaFX, the AWS SDK and the sandbox (JDK + Jackson only).
 *
 * <ul>
 *   <li>{@link dev.tracedesk.xray.TraceId}, {@link dev.tracedesk.xray.SegmentId},
 *       {@link dev.tracedesk.xray.TraceHeader}: ids and the {@code X-Amzn-Trace-Id} header (spec §4);</li>
 *   <li>{@link dev.tracedesk.xray.Outcome}: ok / error / throttle / fault, the one place these rules live (§6.5);</li>
 *   <li>{@link dev.tracedesk.xray.ServiceId}: node identity (name, type, account);</li>
 *   <li>{@code segment}: segment documents, their codec and validation (§3);</li>
 *   <li>{@code trace}: assembly of documents into a {@code Trace}, its call graph, BatchGetTraces shape (§2.3);</li>
 *   <li>{@code summary}: GetTraceSummaries shape and root causes (§2.2);</li>
 *   <li>{@code graph}: service graph aggregation, histograms, statistics, time series (§2.4–2.6, §6).</li>
 * </ul>
 * API shapes serialize with {@link dev.tracedesk.xray.ApiJson} to the exact PascalCase JSON of the X-Ray API.
 */
package dev.tracedesk.xray;
