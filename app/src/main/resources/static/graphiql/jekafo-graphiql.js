// Starts GraphiQL on /graphiql (graphiql/index.html). Requests go to this same origin only: the GraphQL endpoint is
// the page's ?path= (Spring for GraphQL redirects /graphiql to /graphiql?path=/graphql), resolved on this host.
// A bearer token goes in the Headers pane: {"Authorization": "Bearer …"}.
(function () {
    'use strict';
    const params = new URLSearchParams(window.location.search);
    const path = params.get('path') || '/graphql';
    const url = new URL(path, window.location.origin);
    const fetcher = GraphiQL.createFetcher({url: window.location.origin + url.pathname});
    const root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultEditorToolsVisibility: 'headers',
        isHeadersEditorEnabled: true,
        shouldPersistHeaders: true,
    }));
})();
