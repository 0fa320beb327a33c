from django.views.generic import TemplateView

HomeView = ArticleDetailView = TagListView = TagDetailView = AuthorDetailView = TemplateView
