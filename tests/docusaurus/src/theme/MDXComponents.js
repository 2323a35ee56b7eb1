// The seed guide's platform components (<Warning>, <Panel>, <Steps>,
// <Step title="...">), as plain elements: what matters to the tests is the
// markup inside them, which the widget reads and filters.
import React from 'react';
import MDXComponents from '@theme-original/MDXComponents';

export default {
  ...MDXComponents,
  Warning: ({ children }) => (
    <div className="alert alert--warning" role="note">
      {children}
    </div>
  ),
  Panel: ({ children }) => <div className="guide-panel">{children}</div>,
  Steps: ({ children }) => <div className="guide-steps">{children}</div>,
  Step: ({ title, children }) => (
    <div className="guide-step">
      <h3>{title}</h3>
      {children}
    </div>
  ),
};
