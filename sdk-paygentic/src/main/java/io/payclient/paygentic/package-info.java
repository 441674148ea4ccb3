/** Paygentic payments: typed client, create request and payment. */
package io.payclient.paygentic;
