/** The webhooks plug's wire contract: its headers and signature, for receivers to check. JDK only. */
package network.ohc.care.bus.contracts.webhooks;
