package org.carevault.interfaces.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.SecurityConstants;
import org.apache.cxf.ws.security.wss4j.PolicyBasedWSS4JInInterceptor;

/** Gives WS-Security the cluster-wide replay cache ({@link SharedReplayCache}) for every signed request. */
public class SharedReplayInterceptor extends AbstractSoapInterceptor {

    public SharedReplayInterceptor() {
        super(Phase.PRE_PROTOCOL);
        addBefore(PolicyBasedWSS4JInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        message.put(SecurityConstants.TIMESTAMP_CACHE_INSTANCE, SharedReplayCache.INSTANCE);
        message.put(SecurityConstants.NONCE_CACHE_INSTANCE, SharedReplayCache.INSTANCE);
    }
}
