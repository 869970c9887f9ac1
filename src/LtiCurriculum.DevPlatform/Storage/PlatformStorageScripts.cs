namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The platform side of LTI Client Side postMessages 0.1 and Platform Storage 0.1, as Canvas serves it: the course page
/// answers <c>lti.capabilities</c> (naming the forwarding frame for storage), and the forwarding frame answers
/// <c>lti.put_data</c> and <c>lti.get_data</c> from its localStorage, partitioned by the tool's origin. Messages from any
/// origin but the tool's get no answer; answers go to the asking window at its origin only.
/// </summary>
internal static class PlatformStorageScripts
{
    private const string Common =
        "var toolOrigin=document.body.getAttribute('data-tool-origin');" +
        "function reply(event,subject,fields){var m={subject:subject+'.response',message_id:event.data.message_id};" +
        "for(var k in fields){m[k]=fields[k];}event.source.postMessage(m,event.origin);}" +
        "function accept(event){return event.origin===toolOrigin&&event.data&&typeof event.data==='object'&&typeof event.data.message_id==='string';}";

    /// <summary>The course page: only capabilities; storage lives in the forwarding frame.</summary>
    public static readonly string CoursePage =
        "(function(){" + Common +
        "window.addEventListener('message',function(event){if(!accept(event)||event.data.subject!=='lti.capabilities'){return;}" +
        "reply(event,'lti.capabilities',{supported_messages:[{subject:'lti.capabilities'}," +
        "{subject:'lti.put_data',frame:'" + PlatformStorageNames.ForwardingFrame + "'},{subject:'lti.get_data',frame:'" + PlatformStorageNames.ForwardingFrame + "'}]});});" +
        "})();";

    /// <summary>The forwarding frame: put and get, keys partitioned by the asking tool's origin.</summary>
    public static readonly string ForwardingFrame =
        "(function(){" + Common +
        "function slot(event){return 'lti-storage:'+event.origin+':'+event.data.key;}" +
        "window.addEventListener('message',function(event){if(!accept(event)){return;}var d=event.data;" +
        "if(typeof d.key!=='string'||d.key.length===0||d.key.length>256){if(d.subject==='lti.put_data'||d.subject==='lti.get_data'){" +
        "reply(event,d.subject,{error:{code:'bad_request',message:'key must be a non-empty string of at most 256 characters'}});}return;}" +
        "if(d.subject==='lti.put_data'){if(d.value===null){localStorage.removeItem(slot(event));}" +
        "else if(typeof d.value==='string'&&d.value.length<=4096){localStorage.setItem(slot(event),d.value);}" +
        "else{reply(event,d.subject,{error:{code:'bad_request',message:'value must be a string of at most 4096 characters, or null'}});return;}" +
        "reply(event,d.subject,{key:d.key,value:d.value});}" +
        "else if(d.subject==='lti.get_data'){reply(event,d.subject,{key:d.key,value:localStorage.getItem(slot(event))});}});" +
        "})();";
}
