/**
 * The validation report as JSON ({@link io.synthbeam.validation.report.ReportJson}, judge.py's
 * key names) and as one self-contained HTML page with inline SVG charts
 * ({@link io.synthbeam.validation.report.HtmlReport}).
 */
package io.synthbeam.validation.report;
