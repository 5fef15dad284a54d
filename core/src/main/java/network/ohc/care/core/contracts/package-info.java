/** Care's published contracts at run time: the AsyncAPI document of its signals, and its CloudEvents settings. */
package network.ohc.care.core.contracts;
